#!/usr/bin/env python3
"""Reads a built site's sitemaps, feeds and robots.txt as a search engine and
a feed reader do, and fails on anything they would reject.

usage: feeds.py ROOT BASE_URL URLSET_XSD SITEINDEX_XSD

- every sitemap validates against the Sitemaps 0.9 schema (xmllint), every
  <loc> is an absolute address under BASE_URL and names a file in ROOT, and
  every sitemap an index lists exists;
- every RSS feed parses with feedparser without a "bozo" error, is RSS 2.0
  with a channel title, link and description, and its channel link, self
  link, item links and permalink GUIDs are absolute addresses under BASE_URL
  that name files in ROOT; every item has a title and a parseable pubDate;
- robots.txt names the sitemap index by its absolute address.
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import feedparser

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def main():
    root, base, urlset_xsd, index_xsd = sys.argv[1:5]
    problems = []
    say = problems.append

    def local(url, where):
        """The file in ROOT that an address under BASE names, or None."""
        if not url.startswith(base):
            say(f"{where}: {url!r} is not an absolute address under {base}")
            return None
        path = url[len(base):].split("#")[0].split("?")[0]
        full = os.path.join(root, path)
        if path == "" or path.endswith("/"):
            full = os.path.join(full, "index.html")
        if not os.path.isfile(full):
            say(f"{where}: {url} names no file of the site")
            return None
        return full

    sitemaps = feeds = urls = items = 0
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".xml"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            try:
                tag = ET.parse(path).getroot().tag
            except ET.ParseError as err:
                say(f"{rel}: not well-formed XML: {err}")
                continue
            if tag in (SITEMAP_NS + "urlset", SITEMAP_NS + "sitemapindex"):
                sitemaps += 1
                xsd = urlset_xsd if tag.endswith("urlset") else index_xsd
                run = subprocess.run(["xmllint", "--noout", "--schema", xsd, path],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    say(f"{rel}: does not validate against the sitemap schema:\n{run.stderr.strip()}")
                for loc in ET.parse(path).getroot().iter(SITEMAP_NS + "loc"):
                    urls += 1
                    local(loc.text or "", rel)
            elif tag == "rss":
                feeds += 1
                feed = feedparser.parse(path)
                if feed.bozo:
                    say(f"{rel}: feedparser: {feed.bozo_exception}")
                if feed.version != "rss20":
                    say(f"{rel}: read as {feed.version or 'no known format'}, not RSS 2.0")
                channel = feed.feed
                for key in ("title", "link", "subtitle"):
                    if not channel.get(key):
                        say(f"{rel}: the channel has no {'description' if key == 'subtitle' else key}")
                local(channel.get("link", ""), rel + " channel link")
                for link in channel.get("links", []):
                    if link.get("rel") == "self":
                        if local(link.get("href", ""), rel + " self link") not in (None, path):
                            say(f"{rel}: the self link {link['href']} names another file")
                for n, item in enumerate(feed.entries, 1):
                    items += 1
                    where = f"{rel} item {n}"
                    if not item.get("title"):
                        say(f"{where}: no title")
                    if not item.get("published_parsed"):
                        say(f"{where}: no readable pubDate")
                    local(item.get("link", ""), where + " link")
                    if item.get("guidislink"):
                        local(item.get("id", ""), where + " guid")

    robots = os.path.join(root, "robots.txt")
    lines = [l.split(":", 1)[1].strip() for l in open(robots, encoding="utf-8")
             if l.lower().startswith("sitemap:")]
    if not lines:
        say("robots.txt: no Sitemap line")
    for url in lines:
        local(url, "robots.txt")

    if sitemaps == 0 or feeds == 0:
        say(f"found {sitemaps} sitemaps and {feeds} feeds: expected both")
    for p in problems[:50]:
        print(p)
    if len(problems) > 50:
        print(f"... and {len(problems) - 50} more")
    print(f"{sitemaps} sitemaps ({urls} addresses), {feeds} feeds ({items} items): "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
