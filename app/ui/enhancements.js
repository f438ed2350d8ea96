// What the pages served without React in the browser do with JavaScript (docs/decisions/023-pages-without-react.md).
// Everything works without it; this file only adds what a plain page cannot do by itself.

// A wall that follows its stream (`data-live-wall` holds the stream's address, `data-after` the
// last change shown): on a change, the page is read again and the wall replaced by the new one.
// The change's number is in the address read, so no cache can answer with a page from before it.
function follow(wall, index) {
  let lastId = Number(wall.dataset.after) || 0;
  let source;
  let refresh;
  const reread = async () => {
    const url = new URL(window.location.href);
    url.searchParams.set("mur", String(lastId));
    try {
      const answer = await fetch(url, { headers: { accept: "text/html" } });
      if (!answer.ok) return;
      const page = new DOMParser().parseFromString(await answer.text(), "text/html");
      const fresh = page.querySelectorAll("[data-live-wall]")[index];
      if (fresh) wall.replaceChildren(...fresh.childNodes);
    } catch {
      // Offline for a moment: the next change or the next visit shows the wall again.
    }
  };
  const changed = (event) => {
    lastId = Number(event.lastEventId) || lastId;
    clearTimeout(refresh);
    refresh = setTimeout(reread, 150);
  };
  const open = () => {
    source = new EventSource(`${wall.dataset.liveWall}?after=${lastId}`);
    source.onopen = () => (wall.dataset.stream = "live");
    source.onerror = () => {
      wall.dataset.stream = "offline";
      // Refused by the server (too many streams, a restart): start again after the last change seen.
      if (source.readyState === EventSource.CLOSED) setTimeout(open, 5000);
    };
    source.addEventListener("post", changed);
    source.addEventListener("remove", changed);
  };
  open();
}

// A text area that counts its characters into the hint named by `data-counter`, with the hint's
// singular and plural wordings (`data-count-one`, `data-count-other`, where {{count}} is the number).
function count(field) {
  const hint = document.getElementById(field.dataset.counter);
  if (!hint) return;
  const rules = new Intl.PluralRules(document.documentElement.lang);
  const show = () => {
    const n = field.value.length;
    const wording = rules.select(n) === "one" ? hint.dataset.countOne : hint.dataset.countOther;
    hint.textContent = wording.replace("{{count}}", String(n));
  };
  field.addEventListener("input", show);
  show();
}

// The total of a booking form (`data-running-total` holds its wording, where {{total}} is the sum
// of each select's seats times its `data-price-cents`), shown once JavaScript can keep it true.
function total(line) {
  const form = line.closest("form");
  const selects = form.querySelectorAll("select[data-price-cents]");
  const money = new Intl.NumberFormat(line.dataset.locale, { style: "currency", currency: line.dataset.currency });
  const show = () => {
    let cents = 0;
    selects.forEach((select) => (cents += Number(select.value) * Number(select.dataset.priceCents)));
    line.textContent = line.dataset.runningTotal.replace("{{total}}", money.format(cents / 100));
  };
  selects.forEach((select) => select.addEventListener("change", show));
  show();
  line.hidden = false;
}

document.querySelectorAll("[data-live-wall]").forEach(follow);
document.querySelectorAll("[data-running-total]").forEach(total);
document.querySelectorAll("textarea[data-counter]").forEach(count);
