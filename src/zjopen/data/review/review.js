(function () {
  "use strict";
  var marks = Array.prototype.slice.call(document.querySelectorAll("main mark[id]"));
  var flagged = marks.filter(function (m) { return m.classList.contains("flag"); });
  var panel = document.getElementById("panel");
  var status = document.getElementById("status");
  var selbar = document.getElementById("selbar");
  var current = null;
  var selected = null;

  function say(text) { if (status) { status.textContent = text; } }

  function beside() {
    return panel && window.getComputedStyle(panel).position === "sticky";
  }

  function rowOf(mark) {
    return document.getElementById("rec-" + mark.getAttribute("data-rec"));
  }

  function idsOf(row) {
    return (row.getAttribute("data-marks") || "").split(" ").filter(Boolean);
  }

  function expand(row, open) {
    var fields = row.querySelector(".fields");
    var button = row.querySelector("button.row");
    if (fields) { fields.hidden = !open; }
    if (button) { button.setAttribute("aria-expanded", open ? "true" : "false"); }
    row.classList.toggle("selected", open);
    if (!open) {
      var pos = row.querySelector(".pos");
      if (pos) { pos.textContent = ""; }
    }
  }

  function choose(row) {
    if (selected && selected !== row) { expand(selected, false); }
    selected = row;
    if (!row) { return; }
    expand(row, true);
    if (beside()) {
      var head = panel.querySelector(".panel-head");  // sticky: keep the row out from under it
      panel.style.scrollPaddingTop = (head ? head.offsetHeight + 8 : 0) + "px";
      row.scrollIntoView({ block: "nearest" });
    }
    if (selbar) {
      var parts = Array.prototype.map.call(
        row.querySelectorAll(".row .name, .row .count, .row .when, .row .subj, .row .note"),
        function (part) { return part.textContent.trim(); });
      selbar.textContent = parts.filter(Boolean).join(" · ");
      selbar.hidden = beside();
      document.body.classList.toggle("has-selbar", !selbar.hidden);
    }
  }

  // Show one highlight: outline it, bring it to the middle of the window, open its row.
  function show(mark, focusMark) {
    if (current) { current.classList.remove("current"); }
    current = mark;
    mark.classList.add("current");
    mark.scrollIntoView({ block: "center", inline: "nearest" });
    if (focusMark) { mark.focus({ preventScroll: true }); }
    var row = rowOf(mark);
    choose(row);
    if (row) {
      var ids = idsOf(row);
      var at = ids.indexOf(mark.id);
      row.setAttribute("data-at", String(at));
      var pos = row.querySelector(".pos");
      if (pos) { pos.textContent = ids.length > 1 ? "mention " + (at + 1) + " of " + ids.length : ""; }
    }
  }

  // A row steps through its record's mentions, one per click.
  function cycle(row) {
    var ids = idsOf(row);
    if (!ids.length) { choose(selected === row ? null : row); return; }
    var at = current && ids.indexOf(current.id) >= 0 ? ids.indexOf(current.id) : -1;
    var next = document.getElementById(ids[(at + 1) % ids.length]);
    if (next) { show(next, false); }
  }

  function clear() {
    if (current) { current.classList.remove("current"); }
    current = null;
    if (selected) { expand(selected, false); }
    selected = null;
    if (selbar) { selbar.hidden = true; document.body.classList.remove("has-selbar"); }
    say("");
  }

  // j / k: the next / previous figure to review, from the current highlight on.
  function step(direction) {
    if (!flagged.length) { say("No figures to review on this page."); return; }
    var i = current ? flagged.indexOf(current) : -1;
    if (i >= 0) {
      i += direction;
    } else if (current) {
      var after = flagged.filter(function (m) {
        return current.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      i = direction > 0 ? flagged.indexOf(after[0]) : flagged.length - after.length - 1;
      if (direction > 0 && !after.length) { i = 0; }
    } else {
      i = direction > 0 ? 0 : flagged.length - 1;
    }
    i = (i + flagged.length) % flagged.length;
    show(flagged[i], true);
    say("Figure to review " + (i + 1) + " of " + flagged.length);
  }

  function go(rel) {
    var link = document.querySelector('nav.pager a[rel="' + rel + '"]');
    if (link) { window.location.href = link.href; } else { say(rel === "next" ? "This is the last article." : "This is the first article."); }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var button = target.closest("button.row");
    if (button) { cycle(button.parentElement); return; }
    var mark = target.closest("main mark[id]");
    if (mark) { show(mark, true); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target instanceof Element && (target.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    switch (event.key) {
      case "j": case "n": step(1); break;
      case "k": case "p": step(-1); break;
      case "]": go("next"); break;
      case "[": go("prev"); break;
      case "Escape": clear(); break;
      default: return;
    }
    event.preventDefault();
  });
}());
