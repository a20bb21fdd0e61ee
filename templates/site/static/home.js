// The home page's next due tasks, by the reader's date: the page is built once and read on any day.
// The schedule repeats every year, so after this year's last tasks come next year's first (from December on).
(function () {
  'use strict';
  var box = document.getElementById('due');
  if (!box) return;
  var reminders = JSON.parse(box.getAttribute('data-reminders') || '[]');
  var now = new Date();
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var today = pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  var next = reminders
    .map(function (r) { return { r: r, later: r.date < today }; })
    .sort(function (a, b) { return (a.later - b.later) || (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : 0); })
    .slice(0, 8);
  var note = document.getElementById('due-note');
  note.textContent = next.length
    ? '从今天（' + (now.getMonth() + 1) + '月' + now.getDate() + '日）起最近要办的 ' + next.length + ' 项：'
    : '没有规定日期的工作。';
  if (!next.length) { box.textContent = ''; return; }

  var cell = function (row, text, className) {
    var td = document.createElement('td');
    if (className) td.className = className;
    if (text) td.textContent = text;
    row.appendChild(td);
    return td;
  };
  var table = document.createElement('table');
  table.className = 'reminders';
  table.innerHTML = '<thead><tr><th scope="col">时间</th><th scope="col">工作任务</th><th scope="col">谁来做</th><th scope="col">依据</th></tr></thead>';
  var body = document.createElement('tbody');
  next.forEach(function (x) {
    var row = document.createElement('tr');
    cell(row, (x.later ? (now.getFullYear() + 1) + '年' : '') + x.r.text, 'nowrap');
    cell(row, x.r.task);
    cell(row, x.r.by || '', 'nowrap');
    var link = document.createElement('a');
    link.href = x.r.url;
    link.textContent = x.r.title;
    cell(row, '').appendChild(link);
    body.appendChild(row);
  });
  table.appendChild(body);
  var scroll = document.createElement('div');
  scroll.className = 'table-scroll';
  scroll.tabIndex = 0;
  scroll.appendChild(table);
  box.textContent = '';
  box.appendChild(scroll);
})();
