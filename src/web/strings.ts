/** The words of the web page (均衡自查 · 网页版) that the pane does not have; the rest are the pane's (i18n.ts). */
export const WEB = {
  title: '均衡自查 · 网页版',
  privacy: '文件只在本机浏览器中读取和检查，不上传，页面不访问任何网络地址。',
  pick: '选择工作簿',
  drop: '把台账工作簿（.xlsx）拖到这里，或',
  picked: (name: string, kb: number) => `已选择：${name}（${kb.toLocaleString('zh-CN')} KB）`,
  reading: '正在读取工作簿…',
  checked: (runs: number) => (runs > 0 ? `这个工作簿已检查过（保存有 ${runs} 次检查的整改记录）：再次检查将标出整改状态（新发现 / 仍未整改 / 已整改）。` : '这个工作簿已检查过：再次检查将替换上次的标记和汇总表。'),
  download: '下载结果',
  downloadCleared: '下载已清除标记的文件',
  downloaded: (name: string) => `已下载：${name}。请用 WPS 或 Excel 打开查看标记、批注和汇总表；原文件没有改动。`,
  clear: '清除标记',
  selectHint: (sheet: string, cell: string) => `在下载的结果文件中，「${sheet}」工作表的 ${cell} 单元格已标注（填充颜色和批注）。`,
  mode: { worker: '在后台线程中检查（页面保持可操作）', page: '在本页面中检查（从本地文件打开时浏览器不允许后台线程，大文件时页面可能短暂无响应）' },
} as const;
