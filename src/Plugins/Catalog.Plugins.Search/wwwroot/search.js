// Progressive enhancement of the search form: autocomplete suggestions in the datalist, "/" focuses the box.
// Without this script the form is a plain GET form and works the same.
(() => {
  const input = document.getElementById('search-q');
  const list = document.getElementById('search-suggestions');
  if (!input || !list) return;
  let timer = 0;
  let controller = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (q.length < 2 || q.includes(':')) { list.replaceChildren(); return; }
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`${input.dataset.suggestUrl}?q=${encodeURIComponent(q)}`,
          { signal: controller.signal, headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        const body = await response.json();
        // textContent/value only: names are harvested metadata and are never parsed as HTML.
        list.replaceChildren(...body.suggestions.map(s => {
          const option = document.createElement('option');
          option.value = s.name;
          option.label = `${s.kind} · ${s.title ?? s.ref}`;
          return option;
        }));
      } catch (e) {
        if (e.name !== 'AbortError') console.warn('search suggestions failed', e);
      }
    }, 150);
  });
  document.addEventListener('keydown', e => {
    if (e.key !== '/' || e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
})();
