// Throughput and memory of Mozilla Readability.js on a folder of pages, the
// counterpart of webclean_bench.cc: every page is loaded (gunzipped, decoded
// as UTF-8) into memory first, then only
//   new Readability(parseHTML(html).document).parse()
// is timed per page (linkedom's parseHTML: the DOM parse is part of the cost).
//   node --expose-gc readability_bench.mjs --modules NODE_MODULES_DIR PAGES_DIR
// Prints one line of key=value pairs on stdout, for bench/run.sh.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

function parseArgs(argv) {
  let modules = process.env.NODE_PATH || '';
  let pagesDir = '';
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--modules' && i + 1 < argv.length) modules = argv[++i];
    else if (!pagesDir && !argv[i].startsWith('-')) pagesDir = argv[i];
    else return null;
  }
  return modules && pagesDir ? { modules, pagesDir } : null;
}

const isPage = (name) => /\.html?(\.gz)?$/.test(name);

// Every page of the folder (not recursive), in name order, as a string.
// Pages stay Buffers until now so that bytes are counted as webclean counts them.
function loadPages(dir) {
  const pages = [];
  let bytes = 0;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!isPage(name) || !statSync(path).isFile()) continue;
    let raw = readFileSync(path);
    if (name.endsWith('.gz')) {
      try {
        raw = gunzipSync(raw);
      } catch (error) {
        console.error(`readability_bench: ${path}: not valid gzip, skipped`);
        continue;
      }
    }
    bytes += raw.length;
    pages.push(raw.toString('utf8'));
  }
  return { pages, bytes };
}

const args = parseArgs(process.argv.slice(2));
if (!args) {
  console.error('usage: node readability_bench.mjs --modules NODE_MODULES_DIR PAGES_DIR');
  process.exit(2);
}
const require = createRequire(join(args.modules, 'noop.js'));
const { Readability } = require('@mozilla/readability');
const { parseHTML } = require('linkedom');

const { pages, bytes } = loadPages(args.pagesDir);
if (pages.length === 0) {
  console.error(`readability_bench: no .html or .html.gz pages in ${args.pagesDir}`);
  process.exit(1);
}
if (globalThis.gc) globalThis.gc(); // the baseline is the pages, not the loading's garbage
const baselineRssKb = Math.round(process.memoryUsage().rss / 1024);

let failures = 0; // parse() threw
let empty = 0; // parse() returned null: no article found
let outputBytes = 0;
const start = process.hrtime.bigint();
for (const html of pages) {
  try {
    const article = new Readability(parseHTML(html).document).parse();
    if (article) outputBytes += article.textContent.length;
    else ++empty;
  } catch (error) {
    ++failures;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

console.log(
  `engine=readability threads=1 pages=${pages.length} bytes=${bytes} ` +
    `seconds=${seconds.toFixed(6)} failures=${failures} empty=${empty} ` +
    `output_bytes=${outputBytes} baseline_rss_kb=${baselineRssKb} ` +
    `peak_rss_kb=${process.resourceUsage().maxRSS}`,
);
