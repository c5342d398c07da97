// Afterword's progressive enhancements. Every page works without this file; it adds the live
// note checker, autosave, countdowns that tick, and small conveniences.
"use strict";

(function () {
  const debounce = (fn, ms) => {
    let timer;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  };
  // Hosted mode gives each page a CSRF token: every call that changes something carries it.
  const jsonHeaders = () => {
    const token = document.querySelector('meta[name="csrf-token"]');
    const headers = { "Content-Type": "application/json" };
    if (token) headers["X-CSRFToken"] = token.content;
    return headers;
  };
  const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  // Countdowns to the 24-hour mark -------------------------------------------------------
  function tick() {
    const now = Date.now();
    document.querySelectorAll("[data-due]").forEach((el) => {
      const hours = (Date.parse(el.dataset.due) - now) / 3600000;
      let label;
      if (hours < 0) {
        const passed = -hours;
        label = passed < 48 ? `passed ${Math.round(passed)} h ago` : `passed ${Math.round(passed / 24)} days ago`;
      } else {
        const whole = Math.floor(hours);
        label = `${whole} h ${String(Math.floor((hours - whole) * 60)).padStart(2, "0")} min left`;
      }
      el.textContent = label;
      el.classList.remove("ok", "amber", "red");
      el.classList.add(hours < 0 ? "red" : hours <= 6 ? "amber" : "ok");
    });
  }

  // Interviewer rows: add and remove in place --------------------------------------------
  function interviewerRows() {
    const add = document.querySelector("[data-add-row]");
    if (!add) return;
    add.addEventListener("click", (event) => {
      event.preventDefault();
      const rows = document.querySelectorAll("[data-row]");
      const last = rows[rows.length - 1];
      const copy = last.cloneNode(true);
      copy.hidden = false;
      copy.classList.remove("removed");
      // Hidden fields too: a new row was nobody before ("interviewer_was").
      copy.querySelectorAll("input:not([type=checkbox]), textarea").forEach((el) => { el.value = ""; });
      const remove = copy.querySelector("[data-remove-row]");
      remove.checked = false;
      remove.value = String(rows.length);
      last.after(copy);
      copy.querySelector("input").focus();
    });
    document.addEventListener("change", (event) => {
      if (event.target.matches("[data-remove-row]")) {
        event.target.closest("[data-row]").classList.toggle("removed", event.target.checked);
      }
    });
  }

  // Confirmations -------------------------------------------------------------------------
  function confirmations() {
    document.querySelectorAll("form[data-confirm]").forEach((form) => {
      form.addEventListener("submit", (event) => {
        if (!window.confirm(form.dataset.confirm)) event.preventDefault();
      });
    });
    // "Use this draft" replaces the note: ask first when the note holds other text.
    document.querySelectorAll("form[data-replaces-note]").forEach((form) => {
      form.addEventListener("submit", (event) => {
        const area = document.querySelector("[data-body]");
        const draft = form.querySelector("input[name=body]").value;
        if (area && area.value.trim() && area.value.trim() !== draft.trim()
            && !window.confirm("Replace the note you wrote with this draft? Your text will be lost.")) {
          event.preventDefault();
        }
      });
    });
  }

  // What a finding's severity means to the person fixing the note (as the server words it).
  const SEVERITY_WORDS = { error: "To fix", warning: "Worth a look", info: "A thought" };

  // The note editor -----------------------------------------------------------------------
  function editor(root) {
    const area = root.querySelector("[data-body]");
    const subject = root.querySelector("[data-subject]");
    const highlights = root.querySelector("[data-highlights]");
    const list = root.querySelector("[data-findings]");
    const readiness = root.querySelector("[data-readiness]");
    const counts = root.querySelector("[data-counts]");
    const status = root.querySelector("[data-save-status]");
    const mailto = root.querySelector("[data-mailto]");
    const interviewId = root.dataset.interview;
    const to = root.dataset.to;
    const maxWords = Number(root.dataset.maxWords);
    const maxParagraphs = Number(root.dataset.maxParagraphs);
    const storeKey = `afterword:note:${interviewId}:${to}`;
    let findings = [];
    let serverText = area.value;
    let serverSubject = subject.value;
    // The stored version this text was edited from: a save over a newer one is refused
    // (409) and the newer text kept, never silently replaced.
    let version = Number(root.dataset.noteVersion || 0);
    let conflict = false;
    const versionInputs = document.querySelectorAll("input[data-version]");
    function setVersion(value) {
      version = value;
      versionInputs.forEach((input) => { input.value = String(value); });
    }

    // The checker counts characters (code points); the browser counts UTF-16 units, and an
    // emoji is one of the first and two of the second: convert offsets before using them.
    function toUnits(text, offsets) {
      const wanted = [...new Set(offsets)].sort((a, b) => a - b);
      const map = new Map();
      let points = 0; let units = 0; let next = 0;
      while (next < wanted.length) {
        if (wanted[next] === points) { map.set(points, units); next += 1; continue; }
        if (units >= text.length) break;
        const code = text.codePointAt(units);
        units += code > 0xffff ? 2 : 1;
        points += 1;
      }
      return (offset) => (map.has(offset) ? map.get(offset) : Math.min(offset, text.length));
    }

    function paint() {
      // Marks must not overlap: keep the first of overlapping spans (findings come in order).
      const spans = findings.filter((f) => f.start !== null).sort((a, b) => a.start - b.start);
      let html = "";
      let at = 0;
      const text = area.value;
      for (const f of spans) {
        if (f.start < at || f.end > text.length) continue;
        html += escapeHtml(text.slice(at, f.start));
        html += `<mark class="${f.severity}">${escapeHtml(text.slice(f.start, f.end))}</mark>`;
        at = f.end;
      }
      html += escapeHtml(text.slice(at)) + "\n";
      highlights.innerHTML = html;
      highlights.parentElement.scrollTop = area.scrollTop;
    }

    function render(report) {
      findings = report.findings;
      const errors = findings.filter((f) => f.severity === "error").length;
      const looks = findings.filter((f) => f.severity === "warning").length;
      readiness.innerHTML = area.readOnly
        ? '<span class="badge">Sent</span>'
        : !area.value.trim()
        ? '<span class="badge">Nothing to check yet</span>'
        : errors === 0
          ? `<span class="badge ready">Ready to send${looks ? ` · ${looks} worth a look` : ""}</span>`
          : `<span class="badge not-ready">${errors} to fix before sending</span>`;
      const s = report.stats;
      counts.textContent = `${s.words} words · ${s.paragraphs} of ${maxParagraphs} paragraphs · longest paragraph ${report.longest_paragraph ?? "?"} of ${maxWords} words`;
      counts.classList.toggle("over", s.paragraphs > maxParagraphs || (report.longest_paragraph ?? 0) > maxWords);
      list.innerHTML = "";
      findings.forEach((f, index) => {
        const li = document.createElement("li");
        li.className = `finding ${f.severity}`;
        li.innerHTML = `<strong>${SEVERITY_WORDS[f.severity] || escapeHtml(f.severity)}: ${escapeHtml(f.title || f.rule)}</strong>` +
          (f.excerpt ? ` “${escapeHtml(f.excerpt)}”` : "") +
          `<p>${escapeHtml(f.message)}</p>` +
          (f.suggestion ? `<p class="suggestion">Try: ${escapeHtml(f.suggestion)}</p>` : "");
        if (f.start !== null) {
          const show = document.createElement("button");
          show.type = "button"; show.className = "outline secondary"; show.textContent = "Show me";
          show.addEventListener("click", () => { area.focus(); area.setSelectionRange(f.start, f.end); });
          li.appendChild(show);
        }
        if (f.suggestion && f.replaces_span && f.start !== null && !area.readOnly) {
          const apply = document.createElement("button");
          apply.type = "button"; apply.textContent = "Apply"; apply.dataset.apply = String(index);
          apply.addEventListener("click", () => {
            if (area.value !== checkedText) return; // the text changed since: offsets are stale
            area.value = area.value.slice(0, f.start) + f.suggestion + area.value.slice(f.end);
            area.dispatchEvent(new Event("input"));
            // A suggestion with a blank ("[one concrete example...]") is for the user to
            // finish: select the blank, so that what they type replaces it.
            const blank = f.suggestion.match(/\[[^\]]*\]|\.\.\.|…/);
            if (blank) {
              area.focus();
              area.setSelectionRange(f.start + blank.index, f.start + blank.index + blank[0].length);
            }
          });
          li.appendChild(apply);
        }
        list.appendChild(li);
      });
      paint();
    }

    // Findings carry offsets into the text they were computed for: a report on an older text
    // (a slow answer overtaken by typing) is dropped, and "Apply" acts only on current ones.
    let checkedText = null;
    let checks = 0;
    const check = debounce(async () => {
      const sent = area.value;
      const ticket = ++checks;
      try {
        const response = await fetch("/api/check", {
          method: "POST",
          headers: jsonHeaders(),
          body: JSON.stringify({ text: sent, interview_id: Number(interviewId) }),
        });
        if (!response.ok || ticket !== checks || sent !== area.value) return;
        const report = await response.json();
        if (ticket !== checks || sent !== area.value) return;
        const offsets = report.findings.flatMap((f) => (f.start === null ? [] : [f.start, f.end]));
        const unit = toUnits(sent, offsets);
        report.findings.forEach((f) => {
          if (f.start !== null) { f.start = unit(f.start); f.end = unit(f.end); }
        });
        checkedText = sent;
        render(report);
      } catch (error) { /* offline: keep the last findings */ }
    }, 250);

    // One save at a time, in order: two saves in flight could reach the server in the wrong
    // order and leave the older text stored (and reported as saved).
    let saving = false;
    let again = false;
    async function saveNow() {
      if (saving) { again = true; return; }
      saving = true;
      const sent = { subject: subject.value, body: area.value, version };
      try {
        if (conflict) throw new Error("a newer version was saved elsewhere; reload to see it");
        const response = await fetch(`/api/interviews/${interviewId}/notes/${encodeURIComponent(to)}`, {
          method: "PUT",
          headers: jsonHeaders(),
          body: JSON.stringify(sent),
        });
        if (response.status === 409) conflict = true;
        if (!response.ok) throw new Error((await response.json()).detail || response.statusText);
        setVersion((await response.json()).version);
        serverText = sent.body; serverSubject = sent.subject;
        if (area.value === sent.body && subject.value === sent.subject) {
          localStorage.removeItem(storeKey);
          status.classList.remove("failed");
          status.textContent = "Saved.";
        }
      } catch (error) {
        status.classList.add("failed");
        status.textContent = `Not saved to Afterword (${error.message}); your text is kept in this browser.`;
      } finally {
        saving = false;
        if (again) { again = false; saveNow(); }
      }
    }
    const save = debounce(saveNow, 800);

    function changed() {
      localStorage.setItem(storeKey, JSON.stringify({ subject: subject.value, body: area.value, version }));
      status.classList.remove("failed");
      status.textContent = "Saving…";
      if (mailto) {
        mailto.href = mailto.href.split("?")[0] + `?subject=${encodeURIComponent(subject.value)}&body=${encodeURIComponent(area.value)}`;
      }
      paint();
      check();
      save();
    }

    // An edit that never reached the server (closed tab, lost connection) comes back.
    const kept = localStorage.getItem(storeKey);
    if (kept) {
      const draft = JSON.parse(kept);
      if (draft.body === serverText && draft.subject === serverSubject) {
        localStorage.removeItem(storeKey);
      } else if (draft.version === version && !area.readOnly) {
        area.value = draft.body; subject.value = draft.subject;
        status.textContent = "Restored your unsaved edit from this browser.";
        save();
      } else {
        // The edit was made on an older version than the one saved since (another tab, the
        // command line): show the saved one, and offer the edit rather than impose it.
        status.textContent = "This browser kept an unsaved edit made on an older version. ";
        const restore = document.createElement("button");
        restore.type = "button"; restore.className = "outline secondary";
        restore.textContent = "Use my unsaved edit instead";
        restore.dataset.restore = "";
        restore.addEventListener("click", () => {
          area.value = draft.body; subject.value = draft.subject;
          restore.remove();
          changed();
        });
        if (!area.readOnly) status.appendChild(restore);
      }
    }
    area.addEventListener("input", changed);
    subject.addEventListener("input", changed);
    area.addEventListener("scroll", () => { highlights.parentElement.scrollTop = area.scrollTop; });

    // What the marked words under the cursor are about, right under the text: on a phone the
    // list of findings is a long scroll away from where one types.
    const here = root.querySelector("[data-here]");
    function explainHere() {
      if (!here) return;
      const at = area.selectionStart;
      const found = area.value === checkedText
        ? findings.find((f) => f.start !== null && f.start <= at && at <= f.end)
        : null;
      here.hidden = !found;
      if (found) {
        here.className = `here ${found.severity}`;
        here.textContent = `${SEVERITY_WORDS[found.severity] || found.severity}: ${found.title || found.rule}. ${found.message}`
          + (found.suggestion ? ` Try: ${found.suggestion}` : "");
      }
    }
    ["click", "keyup", "focus", "select"].forEach((name) => area.addEventListener(name, explainHere));
    root.querySelector("[data-copy]").addEventListener("click", async (event) => {
      const text = (subject.value ? `Subject: ${subject.value}\n\n` : "") + area.value;
      try { await navigator.clipboard.writeText(text); event.target.textContent = "Copied"; }
      catch (error) { area.select(); event.target.textContent = "Press Ctrl+C to copy"; }
    });
    if (area.value.trim()) check(); else paint();
  }

  // The quick form's time zone: the browser knows the user's better than the server does.
  function browserZone() {
    document.querySelectorAll("[data-browser-zone]").forEach((input) => {
      try {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) input.value = zone;
      } catch (error) { /* keep the server's guess */ }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    browserZone();
    tick();
    setInterval(tick, 30000);
    interviewerRows();
    confirmations();
    document.querySelectorAll("[data-editor]").forEach(editor);
  });
})();
