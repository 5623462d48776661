"""Hypothesis profiles: ``ci`` (derandomised, 200+ examples) when CI is set, else ``dev``;
and the command's user cache kept in a folder of the test session, not the user's own."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=250,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=60, deadline=None)
_default = "ci" if os.environ.get("CI") else "dev"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or _default)

# Every `zjopen` command a test runs (in process or as a subprocess, which inherits the
# environment) writes its cache here; tests of the cache set their own folder.
_cache = tempfile.mkdtemp(prefix="zjopen-test-cache-")
os.environ["ZJOPEN_CACHE_DIR"] = _cache
atexit.register(shutil.rmtree, _cache, ignore_errors=True)
