// The course's static decks: start reveal.js, then fit each slide into the 1280×720 frame by shrinking
// its figures (never below MIN_SCALE of their size). courseDeck.measure() reports every slide's height
// after fitting; tests/test_site.py and tools/build_decks.py --measure read it.
(function () {
  "use strict";
  const config = window.COURSE_DECK || {};
  const HEIGHT = config.height || 720;
  const MIN_SCALE = 0.55;  // a figure may shrink to 55 % of its size to fit the slide …
  const MAX_SCALE = 1.6;   // … or grow to 160 % to fill it (matplotlib's figures are small on a projector)
  const CODE_SIZES = [17, 16, 15, 14, 13];  // px

  function figures(section) {
    return Array.from(section.querySelectorAll(".jp-OutputArea-output img"));
  }

  async function ready(section) {
    await Promise.all(figures(section).map(
      (img) => (img.complete && img.naturalHeight ? null : img.decode().catch(() => null))));
  }

  function contentHeight(section) {
    const style = getComputedStyle(section);
    let bottom = 0;
    for (const child of section.children) bottom = Math.max(bottom, child.offsetTop + child.offsetHeight);
    return Math.ceil(bottom + parseFloat(style.paddingBottom || 0));
  }

  function scaleTo(items, scale) {
    for (const img of items) {
      const box = img.closest(".jp-OutputArea-output") || img.parentElement;
      const s = Math.min(scale, (box.clientWidth || 1200) / img.naturalWidth);
      img.style.width = Math.floor(img.naturalWidth * s) + "px";
      img.style.height = "auto";
      img.style.maxWidth = "none";
    }
  }

  // Scale the section's figures by one factor so that the section fills, and does not pass, HEIGHT px.
  // One fit at a time per section (slide changes and measure() may ask at once).
  function fit(section) {
    section.courseFit = (section.courseFit || Promise.resolve()).then(() => fitNow(section));
    return section.courseFit;
  }

  async function fitNow(section) {
    await ready(section);
    const items = figures(section).filter((img) => img.naturalWidth > 0);
    let height = 0;
    // First the figures give way; then, on a slide still too tall, the code's font (17 px down to 13 px).
    for (const code of CODE_SIZES) {
      section.style.setProperty("--deck-code-size", code + "px");
      height = fitFigures(section, items);
      if (height <= HEIGHT) break;
    }
    section.classList.toggle("too-tall", height > HEIGHT);  // deck.css lets it scroll
    section.style.top = Math.max((HEIGHT - height) / 2, 0) + "px";  // centred again, as reveal.js does
    return height;
  }

  function fitFigures(section, items) {
    if (items.length) {
      scaleTo(items, 1);
      const natural = items.reduce((sum, img) => sum + img.offsetHeight, 0);
      let scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, (natural + HEIGHT - contentHeight(section)) / natural));
      scaleTo(items, scale);
      for (let round = 0; round < 8 && contentHeight(section) > HEIGHT && scale > MIN_SCALE; round++) {
        scale = Math.max(MIN_SCALE, scale * 0.94);
        scaleTo(items, scale);
      }
    }
    return contentHeight(section);
  }

  function leaves() {
    return Array.from(document.querySelectorAll(".reveal .slides section")).filter((s) => !s.querySelector("section"));
  }

  async function measure() {
    const results = [];
    for (const section of leaves()) {
      const indices = Reveal.getIndices(section);
      Reveal.slide(indices.h, indices.v, -1);
      Reveal.getRevealElement().querySelectorAll(".fragment").forEach((f) => f.classList.add("visible"));
      const height = await fit(section);
      const heading = section.querySelector("h1, h2, h3");
      results.push({h: indices.h, v: indices.v || 0, height: height, fits: height <= HEIGHT,
                    title: heading ? heading.textContent.replace("¶", "").trim() : ""});
    }
    Reveal.getRevealElement().querySelectorAll(".fragment").forEach((f) => f.classList.remove("visible"));
    Reveal.slide(0, 0, -1);
    return results;
  }

  window.courseDeck = {fit: fit, measure: measure, height: HEIGHT};
  window.addEventListener("load", async function () {
    if (window.MathJax && MathJax.startup) await MathJax.startup.promise;
    await Reveal.initialize(Object.assign({
      controls: true, progress: true, hash: true, center: true, transition: "none",
      slideNumber: "c/t", margin: 0.04, plugins: [window.RevealNotes].filter(Boolean),
    }, config));
    Reveal.on("slidechanged", (event) => fit(event.currentSlide));
    await fit(Reveal.getCurrentSlide());
    document.documentElement.dataset.deckReady = "true";
  });
})();
