// Client-side search over search-index.js (window.HANDBOOK_SEARCH) and the pieces in search-index/ it loads on
// demand, built by the publisher (SearchIndexWriter.cs).
// tokenize() must split text exactly as SearchTokenizer.cs does: Chinese runs into overlapping
// character bigrams (a lone character stands alone), ASCII letter/digit runs into lower-case words.
(function () {
  'use strict';

  var Shown = 50; // results listed, and whose passages are loaded

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

  // Which term shard holds a term: FNV-1a over its UTF-16 code units, as SearchIndexWriter.ShardOf does.
  function shardOf(term, shards) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 16777619);
    return (hash >>> 0) % shards;
  }

  // Runs a piece of the index once. A <script> tag, not fetch: fetch fails for a page opened from disk.
  var loaded = {};
  function load(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = function () { delete loaded[src]; reject(new Error(src)); };
        document.head.appendChild(script);
      });
    }
    return loaded[src];
  }

  function postings(index, term) {
    var shard = index.terms[shardOf(term, index.shards)];
    return Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : null;
  }

  // How often each phrase occurs in a text, summed.
  function phraseHits(text, phraseList) {
    var lower = text.toLowerCase();
    return phraseList.reduce(function (sum, phrase) { return sum + occurrences(lower, phrase); }, 0);
  }

  function byRank(a, b) {
    return b.matched - a.matched || b.title - a.title || (a.title > 0 ? 0 : b.score - a.score) || a.doc - b.doc;
  }

  // Ranks articles from the term shards (loaded for the query's terms only). All query terms must occur in an
  // article (else the best partial matches are shown). Titles containing the query come first, the more of the
  // title it covers the better, in handbook order when they cover it equally (the parts go from the rules to the
  // records); then the other articles by how often they contain the query as typed and by the weight of its terms
  // (BM25). How often an article contains a phrase is estimated from its terms' counts (the least of them) until
  // its passages are loaded; refine() then counts it exactly.
  function rank(index, query) {
    var terms = unique(tokenize(query));
    var phraseList = phrases(query);
    var phraseTerms = phraseList.map(function (phrase) { return unique(tokenize(phrase)); });
    var docCount = index.docs.length;
    var averageLength = index.docs.reduce(function (sum, d) { return sum + d[3]; }, 0) / Math.max(1, docCount);
    var docs = new Map();
    terms.forEach(function (term) {
      var list = postings(index, term);
      if (!list) return;
      var idf = Math.log(1 + docCount / (list.length / 2));
      for (var i = 0, doc = 0; i < list.length; i += 2) {
        doc += list[i];
        var tf = list[i + 1];
        var entry = docs.get(doc);
        if (!entry) docs.set(doc, entry = { doc: doc, matched: 0, terms: 0, counts: {} });
        var norm = 1.2 * (0.25 + 0.75 * index.docs[doc][3] / averageLength);
        entry.terms += idf * tf * 2.2 / (tf + norm);
        entry.matched++;
        entry.counts[term] = tf;
      }
    });

    var results = [];
    docs.forEach(function (entry) {
      var title = index.docs[entry.doc][0].toLowerCase();
      entry.hits = phraseTerms.reduce(function (sum, list) {
        return sum + (list.length ? Math.min.apply(null, list.map(function (t) { return entry.counts[t] || 0; })) : 0);
      }, 0);
      entry.score = entry.terms + 3 * Math.log2(1 + entry.hits);
      entry.title = phraseList.reduce(function (best, phrase) {
        return title.indexOf(phrase) >= 0 ? Math.max(best, phrase.length / title.length) : best;
      }, 0);
      results.push(entry);
    });
    results.sort(byRank);
    var most = results.length ? results[0].matched : 0;
    return results.filter(function (r) { return r.matched === most; });
  }

  // With the passages of the shown results loaded: counts the phrases exactly, re-ranks, and picks each
  // result's best passage (one containing the query as typed, else the one with most of its terms).
  function refine(index, query, results) {
    var terms = unique(tokenize(query));
    var phraseList = phrases(query);
    results.forEach(function (entry) {
      entry.hits = 0;
      var bestRank = -1;
      index.passages[index.docs[entry.doc][4]][entry.doc].forEach(function (passage, p) {
        var hits = phraseHits(passage[1] + ' ' + passage[2], phraseList);
        var tokens = tokenize(passage[1] + ' ' + passage[2]);
        var found = terms.reduce(function (sum, t) { return sum + tokens.filter(function (x) { return x === t; }).length; }, 0);
        var rank = (hits > 0 ? 1000 : 0) + found;
        entry.hits += hits;
        if (found > 0 && rank > bestRank) { entry.best = p; bestRank = rank; }
      });
      entry.score = entry.terms + 3 * Math.log2(1 + entry.hits);
    });
    return results.sort(byRank);
  }

  // Resolves to the ranked results, the first `shown` of them with their passages loaded and refined.
  function search(index, query, shown) {
    var terms = unique(tokenize(query));
    if (terms.length === 0) return Promise.resolve([]);
    var shards = unique(terms.map(function (t) { return shardOf(t, index.shards); }));
    return Promise.all(shards.map(function (k) { return load('search-index/t' + k + '.js'); })).then(function () {
      var results = rank(index, query);
      var top = results.slice(0, shown);
      return Promise.all(top.map(function (r) { return load('search-index/p' + index.docs[r.doc][4] + '.js'); })).then(function () {
        return refine(index, query, top).concat(results.slice(shown));
      });
    });
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

  var latest = 0;
  function render(index, query, list, status) {
    var run = ++latest;
    if (!query.trim()) {
      list.textContent = '';
      status.textContent = '输入关键词后按回车。';
      return;
    }
    search(index, query, Shown).then(function (results) {
      if (run !== latest) return; // a newer query is on its way
      list.textContent = '';
      var needles = phrases(query).concat(unique(tokenize(query)));
      status.textContent = results.length ? '找到 ' + results.length + ' 条相关内容。' : '没有找到与“' + query + '”相关的内容。';
      results.slice(0, Shown).forEach(function (result) {
        var doc = index.docs[result.doc];
        var passage = index.passages[doc[4]][result.doc][result.best || 0];
        var item = document.createElement('li');
        var heading = document.createElement('h2');
        var link = document.createElement('a');
        link.href = doc[1] + (passage[0] ? '#' + encodeURIComponent(passage[0]) : '');
        appendHighlighted(link, doc[0], needles);
        heading.appendChild(link);
        item.appendChild(heading);
        var where = document.createElement('p');
        where.className = 'where';
        where.textContent = index.parts[doc[2]] + (passage[0] ? ' › ' + passage[1] : '');
        item.appendChild(where);
        var text = document.createElement('p');
        text.className = 'snippet';
        appendHighlighted(text, snippet(passage[2] || passage[1], needles), needles);
        item.appendChild(text);
        list.appendChild(item);
      });
    }, function () {
      if (run === latest) status.textContent = '搜索索引加载失败，请刷新页面后重试。';
    });
  }

  window.HandbookSearch = { tokenize: tokenize, shardOf: shardOf, search: search };

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
