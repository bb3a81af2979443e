"""The pages of a folder as bench/run.sh's command-line runs take them:
*.html and *.html.gz (not below it), in name order, and their sizes
uncompressed, which the pages/s and MB/s figures are quoted in."""
import glob
import gzip
import os


def page_files(folder):
    return sorted(glob.glob(os.path.join(folder, "*.html.gz")) +
                  glob.glob(os.path.join(folder, "*.html")))


def uncompressed_size(path):
    with open(path, "rb") as page:
        data = page.read()
    return len(gzip.decompress(data)) if path.endswith(".gz") else len(data)
