// Draws the add-in's icons (16/32/64/80 px, plus a 128 px for the store listing) in headless Chromium and writes
// them as PNG. Run: node assets/make-icons.mjs  (needs /usr/bin/chromium). The drawing is vector, scaled per size,
// so small icons stay crisp instead of being downscaled bitmaps.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 64, 80, 128];

function draw(size) {
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d');
  const u = size / 32; // design grid: 32 units
  const round = (x, y, w, h, r) => {
    g.beginPath();
    g.moveTo(x + r, y);
    g.arcTo(x + w, y, x + w, y + h, r);
    g.arcTo(x + w, y + h, x, y + h, r);
    g.arcTo(x, y + h, x, y, r);
    g.arcTo(x, y, x + w, y, r);
    g.closePath();
  };
  // Sheet: a white table on a deep green tile.
  round(0.5 * u, 0.5 * u, 31 * u, 31 * u, 6 * u);
  g.fillStyle = '#1b6b45';
  g.fill();
  round(5 * u, 6 * u, 22 * u, 20 * u, 2 * u);
  g.fillStyle = '#ffffff';
  g.fill();
  // Header row band (the tables' 申请人情况 header) and grid lines.
  g.fillStyle = '#c9e4d4';
  g.fillRect(5 * u, 6 * u + 1, 22 * u, 5 * u);
  g.strokeStyle = '#1b6b45';
  g.lineWidth = Math.max(1, 1.2 * u);
  const snap = (v) => Math.round(v) + (g.lineWidth % 2 ? 0.5 : 0);
  for (const y of [11, 16, 21]) {
    g.beginPath();
    g.moveTo(5 * u, snap(y * u));
    g.lineTo(27 * u, snap(y * u));
    g.stroke();
  }
  for (const x of [12, 19.5]) {
    g.beginPath();
    g.moveTo(snap(x * u), 6 * u);
    g.lineTo(snap(x * u), 26 * u);
    g.stroke();
  }
  // The check: a red-orange badge with a white tick, bottom right.
  g.beginPath();
  g.arc(24 * u, 24 * u, 7 * u, 0, Math.PI * 2);
  g.fillStyle = '#d83b01';
  g.fill();
  g.lineWidth = Math.max(1.5, 2 * u);
  g.strokeStyle = '#ffffff';
  g.lineCap = 'round';
  g.lineJoin = 'round';
  g.beginPath();
  g.moveTo(20.5 * u, 24 * u);
  g.lineTo(23 * u, 26.5 * u);
  g.lineTo(27.5 * u, 21.5 * u);
  g.stroke();
  return c.toDataURL('image/png');
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  for (const size of SIZES) {
    const url = await page.evaluate(draw, size);
    const file = join(here, `icon-${size}.png`);
    writeFileSync(file, Buffer.from(url.split(',')[1], 'base64'));
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
