/**
 * The production manifest: the `yo office` convention of a development URL (https://localhost:3000/) in
 * manifest.xml, replaced at build time by the address the add-in is served from. webpack.config.js applies
 * it when ADDIN_URL is set (`ADDIN_URL=https://server/path/ npm run build` → dist/manifest.xml), and
 * `npm run validate` checks the result like the development manifest.
 */
'use strict';

const DEV_ORIGIN = 'https://localhost:3000';
const DEV_URL = `${DEV_ORIGIN}/`;

/**
 * The address every URL of the manifest goes under, normalised to end with "/". Throws an Error with a
 * Chinese sentence when it is not an https address Office can load (Office refuses http except localhost).
 */
function addinBase(raw) {
  const text = String(raw || '').trim();
  let u;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`ADDIN_URL「${text}」不是有效的网址，应形如 https://edu.example.gov.cn/junheng/`);
  }
  if (u.protocol !== 'https:') throw new Error(`ADDIN_URL「${text}」必须以 https:// 开头：Office 只加载 https 地址上的加载项`);
  if (u.search || u.hash || u.username || u.password) throw new Error(`ADDIN_URL「${text}」不能带查询参数、# 片段或用户名密码`);
  if (/^localhost$|^127\./.test(u.hostname)) throw new Error(`ADDIN_URL「${text}」指向本机：部署用的地址应是各台电脑都能访问的服务器`);
  return u.origin + (u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`);
}

/** manifest.xml with every development URL moved under `addinUrl`; no localhost is left. */
function productionManifest(xml, addinUrl) {
  const base = addinBase(addinUrl);
  const origin = new URL(base).origin;
  const out = xml.split(DEV_URL).join(base).split(DEV_ORIGIN).join(origin);
  if (/localhost/i.test(out)) throw new Error('生成的 manifest.xml 仍含 localhost');
  return out;
}

module.exports = { DEV_ORIGIN, DEV_URL, addinBase, productionManifest };
