// npx tsx tools/embed-demo.ts — writes public/docs/embed.html, the page that shows (and documents) a live
// embed: the article's Docker diagram with a container's ping across br0, iframed twice, as a reader would
// paste the app's snippet into a blog post. The lab travels in the address, as share links carry it.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { PRESETS } from '../sim/labs/presets/article';
import { embedSnippet } from '../web/export/embedSnippet';

const commands = [
  ...PRESETS.find((p) => p.id === 'docker')!.commands.filter((l) => !l.startsWith('#')),
  'ip netns exec c1 ping -c 1 192.168.9.3',
];
const lab = {
  format: 'linux-netlab-lab',
  version: 1,
  seed: 1,
  presetId: 'empty',
  now: 3_000_000,
  positions: {},
  log: commands.map((line, i) => ({
    id: i + 1,
    group: `t${i + 1}`,
    ns: 'host',
    line,
    at: 1000 * (i + 1),
    mode: 'async',
  })),
};
const data = `lab=${deflateRawSync(Buffer.from(JSON.stringify(lab))).toString('base64url')}`;
const live = embedSnippet(`../embed.html#${data}&step=1`, 'Linux Netlab: containers behind br0');
const still = embedSnippet(`../embed.html#${data}&readonly=1&autoplay=1&lang=zh`, 'Linux Netlab: 容器与 br0');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Embedding a Linux Netlab lab in a web page</title>
<style>
  body { font: 16px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; max-width: 880px; margin: 2em auto; padding: 0 1em; color: #1d232b; }
  pre { background: #f6f7f9; padding: 0.8em; overflow-x: auto; font-size: 13px; white-space: pre-wrap; word-break: break-all; }
  iframe { max-width: 100%; }
</style>
</head>
<body>
<main>
<h1>Embedding a lab in a web page</h1>
<p>In the app, <b>Lab › Embed in a web page…</b> gives an <code>&lt;iframe&gt;</code> to paste into a blog post or a course page.
The lab travels in the address (as a share link carries it): nothing is uploaded, and the embed never touches the visitor's own saved lab.
It works from any static host and from a file opened on disk.</p>
<h2>Live, with a terminal</h2>
<p>The article's Docker diagram, after <code>ip netns exec c1 ping -c 1 192.168.9.3</code>, stopped at the flow's first step: step through it, or type a command.</p>
${live.replace('<iframe ', '<iframe id="live" ')}
<pre>${esc(live)}</pre>
<h2>Read-only, playing at once, in Chinese</h2>
<p>Options go after the lab in the address: <code>step=N</code> (a flow step), <code>lang=en|zh</code>, <code>readonly=1</code> (no terminal), <code>autoplay=SPEED</code>.</p>
${still.replace('<iframe ', '<iframe id="still" ')}
</main>
</body>
</html>
`;
mkdirSync('public/docs', { recursive: true });
writeFileSync('public/docs/embed.html', page);
console.log(`public/docs/embed.html: ${page.length} bytes`);
