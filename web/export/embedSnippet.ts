// The <iframe> a page pastes to show a lab live (the embed's address, escaped for an HTML attribute).

export function embedSnippet(src: string, title: string): string {
  const safe = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${src.replace(/&/g, '&amp;').replace(/"/g, '%22')}" width="820" height="600" style="border: 1px solid #d9dde3" title="${safe}" loading="lazy"></iframe>`;
}
