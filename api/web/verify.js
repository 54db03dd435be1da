/* global document, fetch, location */
// The employer verification page: sends the pasted credential to POST /credentials/verify (or a
// presentation to /presentations/verify) and shows every check in Chinese and English.
'use strict';

const STATUS = {
  passed: ['通过', 'passed'],
  failed: ['未通过', 'failed'],
  warning: ['提示', 'warning'],
  not_applicable: ['不适用', 'not applicable'],
};

const LABELS = {
  format: ['格式', 'Format'],
  context: ['词汇表', 'Vocabulary (contexts)'],
  proof: ['数字签名', 'Signature'],
  validFrom: ['已生效', 'In effect'],
  validUntil: ['未过期', 'Not expired'],
  keyNotRevoked: ['签名密钥未撤销', 'Signing key not revoked'],
  issuerKnown: ['发证机构已登记', 'Issuer registered'],
  issuerAccredited: ['机构有权颁发此类凭证', 'Issuer accredited for this credential'],
  status: ['未被撤销或暂停', 'Not revoked or suspended'],
  holderProof: ['持有人签名', 'Holder signature'],
  challenge: ['挑战值', 'Challenge'],
  domain: ['域', 'Domain'],
};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function bilingual(zh, en) {
  return [document.createTextNode(zh + ' '), el('span', { class: 'en' }, en)];
}

function text(value) {
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value
      .map((v) => (v && v['@value']) || text(v))
      .filter(Boolean)
      .join(' / ');
  if (value && typeof value === 'object') return value['@value'] || value.name || value.id || '';
  return '';
}

function parseInput(raw) {
  const t = raw.trim();
  if (!t.startsWith('{')) return { body: { verifiableCredential: t }, path: '/credentials/verify' };
  let doc;
  try {
    doc = JSON.parse(t);
  } catch {
    return { body: { verifiableCredential: t }, path: '/credentials/verify' };
  }
  const types = [].concat(doc.type || []);
  if (types.includes('VerifiablePresentation')) {
    return { body: { verifiablePresentation: doc }, path: '/presentations/verify' };
  }
  return { body: { verifiableCredential: doc }, path: '/credentials/verify' };
}

function summarise(doc) {
  const rows = [];
  if (!doc) return rows;
  const subject = [].concat(doc.credentialSubject || [])[0] || {};
  const achievement = subject.achievement || {};
  rows.push([['颁发机构', 'Issuer'], text(doc.issuer && doc.issuer.name) || text(doc.issuer)]);
  // Open Badges carries the holder's name as an IdentityObject of type "name".
  const named = [].concat(subject.identifier || []).find((i) => i && i.identityType === 'name');
  const holder = text(subject.name) || (named && named.identityHash) || subject.id;
  if (holder) rows.push([['持有人', 'Holder'], holder]);
  if (achievement.name) rows.push([['成果', 'Achievement'], text(achievement.name)]);
  if (achievement.achievementType) rows.push([['类型', 'Type'], text(achievement.achievementType)]);
  rows.push([['生效', 'Valid from'], doc.validFrom || doc.issuanceDate || '—']);
  if (doc.validUntil) rows.push([['有效期至', 'Valid until'], doc.validUntil]);
  return rows;
}

async function verify(event) {
  event.preventDefault();
  const raw = document.getElementById('credential').value;
  const { body, path } = parseInput(raw);
  const button = document.getElementById('verify');
  button.disabled = true;
  let report;
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    report = await res.json();
  } catch (err) {
    report = { verified: false, checks: [], detail: String(err) };
  } finally {
    button.disabled = false;
  }
  show(report);
}

function show(report) {
  const section = document.getElementById('result');
  const verdict = document.getElementById('verdict');
  // Authenticity and trust are told apart: a genuine credential from an issuer this credit bank has
  // not registered is authentic, and the page says who has not vouched for it.
  const unregistered = (report.checks || []).some(
    (c) => c.id === 'issuerKnown' && c.status === 'warning' && c.code === 'ISSUER_UNKNOWN',
  );
  verdict.className = 'verdict ' + (report.verified ? (unregistered ? 'warn' : 'ok') : 'bad');
  verdict.replaceChildren(
    ...(report.verified && unregistered
      ? bilingual(
          '⚠ 凭证真实，但签发方未在本学分银行登记。',
          'Authentic, issuer not registered with this credit bank.',
        )
      : report.verified
        ? bilingual(
            '✔ 验证通过：该凭证真实有效。',
            'Verified: this credential is authentic and valid.',
          )
        : bilingual('✘ 验证未通过。', 'Not verified.')),
  );
  const summary = document.getElementById('summary');
  summary.replaceChildren();
  if (!report.verified && report.document) {
    // A forged or altered credential's claims must not read as facts.
    summary.append(
      el('dt', { class: 'warning' }, ...bilingual('以下内容未经证实', 'Claimed, not verified:')),
      el('dd', {}, ''),
    );
  }
  for (const [[zh, en], value] of summarise(report.document)) {
    summary.append(el('dt', {}, ...bilingual(zh, en)), el('dd', {}, value));
  }
  const tbody = document.querySelector('#checks tbody');
  tbody.replaceChildren();
  const checks = report.checks || [];
  if (checks.length === 0 && report.detail) {
    tbody.append(
      el(
        'tr',
        {},
        el('td', {}, 'request'),
        el('td', { class: 'failed' }, 'failed'),
        el('td', {}, report.detail),
      ),
    );
  }
  for (const c of checks) {
    const [zh, en] = STATUS[c.status] || [c.status, c.status];
    tbody.append(
      el(
        'tr',
        { 'data-check': c.id, 'data-status': c.status },
        el('td', {}, ...bilingual(...(LABELS[c.id] || [c.id, c.id]))),
        el('td', { class: c.status }, ...bilingual(zh, en)),
        el('td', {}, ...bilingual(c.message.zh, c.message.en), el('div', { class: 'en' }, c.code)),
      ),
    );
  }
  section.hidden = false;
}

// A shared link (/shared/<token>) opened in the browser: show the credential the learner shared and
// what was checked, or why the link no longer works.
async function openShared() {
  const lead = document.getElementById('shared');
  let report;
  try {
    const res = await fetch(location.pathname, { headers: { accept: 'application/json' } });
    const body = await res.json();
    if (res.ok) {
      report = body.verification;
      document.getElementById('credential').value = JSON.stringify(
        body.verifiableCredential,
        null,
        2,
      );
      lead.replaceChildren(
        ...bilingual(
          `学习者与「${body.audience}」分享了此凭证，链接有效期至 ${body.expiresAt}。`,
          `A learner shared this credential with “${body.audience}”; the link works until ${body.expiresAt}.`,
        ),
      );
    } else {
      report = { verified: false, checks: [], detail: body.detail || body.title };
      lead.replaceChildren(
        ...bilingual('此分享链接已失效或不存在。', 'This shared link no longer works.'),
      );
    }
  } catch (err) {
    report = { verified: false, checks: [], detail: String(err) };
  }
  lead.hidden = false;
  show(report);
}

document.addEventListener('DOMContentLoaded', () => {
  if (location.pathname.startsWith('/shared/')) void openShared();
  document.getElementById('verify-form').addEventListener('submit', verify);
  document.getElementById('file').addEventListener('change', async (e) => {
    const file = e.target.files && e.target.files[0];
    if (file) document.getElementById('credential').value = await file.text();
  });
});
