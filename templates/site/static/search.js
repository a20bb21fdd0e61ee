// Client-side search over search-index.js (window.HANDBOOK_SEARCH), built by the publisher.
// tokenize() must split text exactly as SearchTokenizer.cs does: Chinese runs into overlapping
// character bigrams (a lone character stands alone), ASCII letter/digit runs into lower-case words.
(function () {
  'use strict';

  function isChinese(code) {
    return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
  }

  function isWord(code) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }

  function tokenize(text) {
    var tokens = [];
    var i = 0;
    while (i < text.length) {
      var start = i;
      if (isChinese(text.charCodeAt(i))) {
        while (i < text.length && isChinese(text.charCodeAt(i))) i++;
        if (i - start === 1) tokens.push(text[start]);
        for (var j = start; j + 1 < i; j++) tokens.push(text.substr(j, 2));
      } else if (isWord(text.charCodeAt(i))) {
        while (i < text.length && isWord(text.charCodeAt(i))) i++;
        tokens.push(text.slice(start, i).toLowerCase());
      } else {
        i++;
      }
    }
    return tokens;
  }

  function unique(items) {
    return items.filter(function (item, i) { return items.indexOf(item) === i; });
  }

  // The query's phrases: what the user typed between spaces, lower-cased.
  function phrases(query) {
    return query.toLowerCase().split(/\s+/).filter(function (p) { return p.length > 0; });
  }

  function occurrences(text, phrase) {
    var count = 0;
    for (var at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) count++;
    return count;
  }

  // Ranks documents. All query terms must occur in a document (else the best partial matches are shown).
  // Titles containing the query come first, the more of the title it covers the better, in handbook order
  // when they cover it equally (the parts go from the rules to the records); then the other documents by
  // how often they contain the query as typed and by the weight of its terms in their passages.
  function search(index, query) {
    var terms = unique(tokenize(query));
    var phraseList = phrases(query);
    if (terms.length === 0) return [];
    var passageCount = index.passages.length;
    var passageScore = new Map();
    var docTerms = new Map();
    terms.forEach(function (term) {
      var postings = index.terms[term];
      if (!postings) return;
      var idf = Math.log(1 + passageCount / (postings.length / 2));
      for (var i = 0; i < postings.length; i += 2) {
        var p = postings[i], tf = postings[i + 1];
        passageScore.set(p, (passageScore.get(p) || 0) + idf * tf / (tf + 1.2));
        var doc = index.passages[p][0];
        if (!docTerms.has(doc)) docTerms.set(doc, new Set());
        docTerms.get(doc).add(term);
      }
    });

    var docs = new Map();
    passageScore.forEach(function (score, p) {
      var passage = index.passages[p];
      var text = (passage[2] + ' ' + passage[3]).toLowerCase();
      var hits = phraseList.reduce(function (sum, phrase) { return sum + occurrences(text, phrase); }, 0);
      var entry = docs.get(passage[0]) || { doc: passage[0], terms: 0, hits: 0, best: -1, bestRank: -1 };
      entry.terms = Math.max(entry.terms, score);
      entry.hits += hits;
      var rank = score + (hits > 0 ? 100 : 0);
      if (rank > entry.bestRank) { entry.best = p; entry.bestRank = rank; }
      docs.set(passage[0], entry);
    });

    var results = [];
    docs.forEach(function (entry) {
      var title = index.docs[entry.doc][0].toLowerCase();
      entry.score = entry.terms + 3 * Math.log2(1 + entry.hits);
      entry.title = phraseList.reduce(function (best, phrase) {
        return title.indexOf(phrase) >= 0 ? Math.max(best, phrase.length / title.length) : best;
      }, 0);
      entry.matched = docTerms.get(entry.doc).size;
      results.push(entry);
    });
    results.sort(function (a, b) {
      return b.matched - a.matched || b.title - a.title || (a.title > 0 ? 0 : b.score - a.score) || a.doc - b.doc;
    });
    var most = results.length ? results[0].matched : 0;
    return results.filter(function (r) { return r.matched === most; });
  }

  // Marks where any phrase or term occurs in text: a boolean per character.
  function highlightMask(text, needles) {
    var lower = text.toLowerCase();
    var mask = new Array(text.length).fill(false);
    needles.forEach(function (needle) {
      for (var at = lower.indexOf(needle); needle.length > 0 && at >= 0; at = lower.indexOf(needle, at + 1)) {
        for (var k = at; k < at + needle.length; k++) mask[k] = true;
      }
    });
    return mask;
  }

  function appendHighlighted(parent, text, needles) {
    var mask = highlightMask(text, needles);
    var i = 0;
    while (i < text.length) {
      var j = i;
      while (j < text.length && mask[j] === mask[i]) j++;
      var piece = text.slice(i, j);
      if (mask[i]) {
        var mark = document.createElement('mark');
        mark.textContent = piece;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(piece));
      }
      i = j;
    }
  }

  // The part of a passage around the first match.
  function snippet(text, needles) {
    var lower = text.toLowerCase();
    var at = -1;
    needles.some(function (n) { at = lower.indexOf(n); return at >= 0; });
    var start = Math.max(0, at - 40);
    var end = Math.min(text.length, start + 140);
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  function render(index, query, list, status) {
    list.textContent = '';
    if (!query.trim()) {
      status.textContent = '输入关键词后按回车。';
      return;
    }
    var results = search(index, query);
    var needles = phrases(query).concat(unique(tokenize(query)));
    status.textContent = results.length ? '找到 ' + results.length + ' 篇相关内容。' : '没有找到与“' + query + '”相关的内容。';
    results.slice(0, 50).forEach(function (result) {
      var doc = index.docs[result.doc];
      var passage = index.passages[result.best];
      var item = document.createElement('li');
      var heading = document.createElement('h2');
      var link = document.createElement('a');
      link.href = doc[1] + (passage[1] ? '#' + encodeURIComponent(passage[1]) : '');
      appendHighlighted(link, doc[0], needles);
      heading.appendChild(link);
      item.appendChild(heading);
      var where = document.createElement('p');
      where.className = 'where';
      where.textContent = doc[2] + (passage[1] ? ' › ' + passage[2] : '');
      item.appendChild(where);
      var text = document.createElement('p');
      text.className = 'snippet';
      appendHighlighted(text, snippet(passage[3] || passage[2], needles), needles);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  window.HandbookSearch = { tokenize: tokenize, search: search };

  var index = window.HANDBOOK_SEARCH;
  var input = document.getElementById('search-q');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!index || !input || !list || !status) return;
  var query = new URLSearchParams(window.location.search).get('q') || '';
  input.value = query;
  render(index, query, list, status);
  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { render(index, input.value, list, status); }, 150);
  });
  input.form.addEventListener('submit', function (event) {
    event.preventDefault();
    render(index, input.value, list, status);
    try {
      history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    } catch (e) { /* some browsers refuse for pages opened from disk; the results are shown anyway */ }
  });
})();
