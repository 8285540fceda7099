//! HTML pages to articles: the main article text without scripts, navigation and
//! boilerplate; the title, date and URL from the page's metadata when present.

use scraper::{ElementRef, Html, Selector};

use crate::article::Article;
use crate::dates::normalize_date;

/// Elements whose text is never article text.
const NOISE: &[&str] =
    &["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select", "template", "svg", "iframe"];
/// Elements that hold the paragraphs of an article.
const BLOCKS: &str = "p, h2, h3, h4, blockquote, li, figcaption";

fn selector(css: &str) -> Selector {
    // The selectors are constants of this module; parsing them cannot fail at run time.
    Selector::parse(css).unwrap_or_else(|e| unreachable!("selector {css}: {e}"))
}

/// True when text starts like an HTML document.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start().get(..200).unwrap_or(text.trim_start()).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<head") || head.contains("<body")
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn meta(doc: &Html, css: &str, attr: &str) -> Option<String> {
    doc.select(&selector(css)).filter_map(|e| e.value().attr(attr)).map(clean).find(|v| !v.is_empty())
}

fn in_noise(e: &ElementRef) -> bool {
    e.ancestors().filter_map(|a| a.value().as_element()).any(|a| NOISE.contains(&a.name()))
}

/// Text of an element without the text of noise elements inside it.
fn text_of(e: &ElementRef) -> String {
    let mut out = String::new();
    for node in e.descendants() {
        if let Some(t) = node.value().as_text() {
            let hidden =
                node.ancestors().take_while(|a| a.id() != e.id()).filter_map(|a| a.value().as_element()).any(|a| NOISE.contains(&a.name()));
            if !hidden {
                out.push_str(t);
            }
        }
    }
    clean(&out)
}

/// The element that holds the article: the `<article>` (or `<main>`) with the most
/// paragraph text, else the body.
fn main_root(doc: &Html) -> Option<ElementRef<'_>> {
    let p = selector("p");
    let score = |e: &ElementRef| e.select(&p).filter(|x| !in_noise(x)).map(|x| text_of(&x).len()).sum::<usize>();
    for css in ["article", "main, [role=main]", "[itemprop=articleBody]"] {
        if let Some(best) = doc.select(&selector(css)).filter(|e| !in_noise(e)).max_by_key(|e| score(e)) {
            if score(&best) > 0 {
                return Some(best);
            }
        }
    }
    doc.select(&selector("body")).next()
}

/// Title, date, URL and main text of an HTML page.
pub fn article(id: &str, source: &str, html: &str) -> Article {
    let doc = Html::parse_document(html);
    let title = meta(&doc, "meta[property='og:title']", "content")
        .or_else(|| doc.select(&selector("h1")).map(|e| text_of(&e)).find(|t| !t.is_empty()))
        .or_else(|| doc.select(&selector("title")).map(|e| clean(&e.text().collect::<String>())).find(|t| !t.is_empty()));
    let published = [
        ("meta[property='article:published_time']", "content"),
        ("meta[name='article:published_time']", "content"),
        ("meta[itemprop='datePublished']", "content"),
        ("meta[name='date']", "content"),
        ("meta[name='pubdate']", "content"),
        ("meta[name='publish-date']", "content"),
        ("meta[name='DC.date.issued']", "content"),
        ("time[datetime]", "datetime"),
    ]
    .iter()
    .find_map(|(css, attr)| meta(&doc, css, attr).and_then(|d| normalize_date(&d)));
    let url = meta(&doc, "link[rel='canonical']", "href").or_else(|| meta(&doc, "meta[property='og:url']", "content"));
    let mut blocks: Vec<String> = Vec::new();
    if let Some(root) = main_root(&doc) {
        let block = selector(BLOCKS);
        for e in root.select(&block) {
            if in_noise(&e) {
                continue;
            }
            // A list item or quote whose paragraphs are collected on their own is not repeated.
            if e.select(&selector("p")).next().is_some() && e.value().name() != "p" {
                continue;
            }
            let t = text_of(&e);
            if t.split_whitespace().count() >= 3 && !blocks.contains(&t) {
                blocks.push(t);
            }
        }
        if blocks.is_empty() {
            let t = text_of(&root);
            if !t.is_empty() {
                blocks.push(t);
            }
        }
    }
    let mut text = String::new();
    if let Some(t) = &title {
        text.push_str(t);
        text.push_str("\n\n");
    }
    text.push_str(&blocks.join("\n\n"));
    Article { id: id.to_string(), source: source.to_string(), text, title, published, url, extracted: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Site | Kenya and Ethiopia agree</title>
        <meta property="og:title" content="Kenya and Ethiopia agree on dam talks">
        <meta property="article:published_time" content="2025-02-03T08:00:00Z">
        <link rel="canonical" href="https://news.example/kenya-ethiopia">
        <script>var tracking = "Kenya criticized Ethiopia";</script></head>
        <body><nav><ul><li>Home page of the site</li><li>World news section</li></ul></nav>
        <article><h1>Kenya and Ethiopia agree on dam talks</h1>
        <p>Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa.</p>
        <aside><p>Read more: unrelated story about football</p></aside>
        <p>The two leaders <b>agreed</b> to hold talks next month.</p></article>
        <footer><p>Copyright 2025 the news site, all rights reserved</p></footer></body></html>"#;

    #[test]
    fn keeps_the_article_and_its_metadata() {
        let a = article("p", "p.html", PAGE);
        assert_eq!(a.title.as_deref(), Some("Kenya and Ethiopia agree on dam talks"));
        assert_eq!(a.published.as_deref(), Some("2025-02-03"));
        assert_eq!(a.url.as_deref(), Some("https://news.example/kenya-ethiopia"));
        assert!(a.text.starts_with("Kenya and Ethiopia agree on dam talks\n\n"));
        assert!(a.text.contains("Abiy Ahmed in Addis Ababa."));
        assert!(a.text.contains("The two leaders agreed to hold talks next month."));
        for noise in ["tracking", "Home page", "football", "Copyright"] {
            assert!(!a.text.contains(noise), "{noise} leaked into {:?}", a.text);
        }
    }

    #[test]
    fn survives_unclosed_and_deeply_nested_markup() {
        let deep = format!("<html><body>{}<p>Peru criticized Chile over the border.{}", "<div>".repeat(5000), "</span>".repeat(10));
        let a = article("d", "d.html", &deep);
        assert!(a.text.contains("Peru criticized Chile"), "{:?}", a.text);
    }
}
