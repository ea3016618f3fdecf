// Every sentence a customer or an agent reads about an uploaded file, in both languages.
import type { AcceptedMimeType, Localized } from '../../catalog';
import type { Facts, Finding, Severity } from './findings';

const typeNames: Record<AcceptedMimeType, Localized> = {
  'image/jpeg': { 'zh-CN': 'JPEG 图片', en: 'a JPEG image' },
  'image/png': { 'zh-CN': 'PNG 图片', en: 'a PNG image' },
  'image/webp': { 'zh-CN': 'WebP 图片', en: 'a WebP image' },
  'application/pdf': { 'zh-CN': 'PDF 文档', en: 'a PDF document' },
};

const formatNames: Record<AcceptedMimeType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

export const typeName = (mime: AcceptedMimeType): Localized => typeNames[mime];

/** "JPEG, PNG or PDF" / "JPEG、PNG 或 PDF" */
export function acceptedList(accept: readonly AcceptedMimeType[]): Localized {
  const names = accept.map((m) => formatNames[m]);
  const join = (sep: string, or: string) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(sep)}${or}${names.at(-1)}`);
  return { 'zh-CN': join('、', ' 或 '), en: join(', ', ' or ') };
}

/** What a refused file turned out to be, named for the customer. */
export const foundKinds = {
  empty: { 'zh-CN': '空文件', en: 'an empty file' },
  elf: { 'zh-CN': 'Linux 可执行程序', en: 'a Linux program (ELF executable)' },
  exe: { 'zh-CN': 'Windows 可执行程序', en: 'a Windows program (EXE)' },
  macho: { 'zh-CN': 'macOS 可执行程序', en: 'a macOS program (Mach-O)' },
  html: { 'zh-CN': '网页（HTML）', en: 'a web page (HTML)' },
  svg: { 'zh-CN': 'SVG 矢量图', en: 'an SVG drawing' },
  xml: { 'zh-CN': 'XML 文档', en: 'an XML document' },
  script: { 'zh-CN': '脚本文件', en: 'a script' },
  text: { 'zh-CN': '纯文本文件', en: 'a plain text file' },
  zip: { 'zh-CN': 'ZIP 压缩包', en: 'a ZIP archive' },
  rar: { 'zh-CN': 'RAR 压缩包', en: 'a RAR archive' },
  '7z': { 'zh-CN': '7z 压缩包', en: 'a 7z archive' },
  gz: { 'zh-CN': 'gzip 压缩包', en: 'a gzip archive' },
  gif: { 'zh-CN': 'GIF 动图', en: 'a GIF image' },
  tif: { 'zh-CN': 'TIFF 图片', en: 'a TIFF image' },
  heic: { 'zh-CN': 'HEIC 图片（苹果手机默认格式）', en: 'a HEIC image (the iPhone default format)' },
  avif: { 'zh-CN': 'AVIF 图片', en: 'an AVIF image' },
  bmp: { 'zh-CN': 'BMP 图片', en: 'a BMP image' },
  docx: { 'zh-CN': 'Word 文档', en: 'a Word document' },
  unknown: { 'zh-CN': '无法识别的文件', en: 'a file of unknown type' },
} satisfies Record<string, Localized>;

export type FoundKind = keyof typeof foundKinds;

/** A type file-type knows but this table does not name, e.g. "an MP4 file (video/mp4)". */
export const otherKind = (ext: string, mime: string): Localized => ({
  'zh-CN': `${ext.toUpperCase()} 文件（${mime}）`,
  en: `a ${ext.toUpperCase()} file (${mime})`,
});

const fileSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Chinese text puts a space between Han characters and Latin letters or digits ("该文件是 PDF 文档"). */
export const spaced = (text: Localized): Localized => ({
  'zh-CN': text['zh-CN'].replace(/([\u4e00-\u9fff])([A-Za-z0-9])/g, '$1 $2').replace(/([A-Za-z0-9])([\u4e00-\u9fff])/g, '$1 $2'),
  en: text.en,
});

export const refusalTexts = {
  unsupportedType: (found: Localized, accepted: Localized): Localized => ({
    'zh-CN': `该文件是${found['zh-CN']}，无法作为证明材料。请上传 ${accepted['zh-CN']} 格式的文件`,
    en: `This file is ${found.en}, which cannot be used as evidence. Please upload a ${accepted.en} file`,
  }),
  notAcceptedHere: (found: AcceptedMimeType, accepted: Localized): Localized => ({
    'zh-CN': `该文件是${typeNames[found]['zh-CN']}，此项材料仅接受 ${accepted['zh-CN']} 格式`,
    en: `This file is ${typeNames[found].en}; this item accepts only ${accepted.en} files`,
  }),
  fileTooLarge: (size: number, maxBytes: number): Localized => ({
    'zh-CN': `文件大小为 ${fileSize(size)}，超过 ${fileSize(maxBytes)} 的上限，请压缩后重新上传`,
    en: `The file is ${fileSize(size)}; files may be at most ${fileSize(maxBytes)}. Please make it smaller and upload it again`,
  }),
  imageTooLarge: (maxPixels: number): Localized => ({
    'zh-CN': `图片像素过多（超过 ${Math.round(maxPixels / 10_000)} 万像素），请缩小后重新上传`,
    en: `The image has too many pixels (more than ${Math.round(maxPixels / 1_000_000)} million); please upload a smaller copy`,
  }),
  damagedMetadata: {
    'zh-CN': '照片的附加信息（EXIF）已损坏，请用相机重新拍摄，或导出一份不含附加信息的照片后上传',
    en: "The photo's metadata (EXIF) is damaged; take the photo again, or export a copy without metadata, and upload that",
  } satisfies Localized,
  pdfTooComplex: (maxObjects: number | null): Localized => ({
    'zh-CN': `${maxObjects === null ? 'PDF 文件结构过于复杂' : `PDF 文件包含的对象过多（超过 ${maxObjects} 个）`}，无法安全检查。请用“打印为 PDF”另存一份后重新上传，或上传各页的照片或扫描件`,
    en: `${maxObjects === null ? 'The PDF is too complex' : `The PDF holds too many objects (more than ${maxObjects.toLocaleString('en')})`} to be checked safely. Save it again with "Print to PDF" and upload that copy, or upload photos or scans of its pages`,
  }),
  corrupt: (mime: AcceptedMimeType): Localized => ({
    'zh-CN': `文件已损坏或不完整，无法作为${typeNames[mime]['zh-CN']}打开，请重新上传`,
    en: `The file is damaged or incomplete and cannot be opened as ${typeNames[mime].en}; please upload it again`,
  }),
};

/** Why a page of a PDF could not be checked like a photo: nothing to check, a picture we do not read, or past the pages checked. */
export type UncheckedPicture = 'no_picture' | 'unreadable' | 'not_examined';

const uncheckedPictureTexts: Record<UncheckedPicture, Localized> = {
  no_picture: {
    'zh-CN': '该页没有图片（只有文字或矢量图形），无法自动检查是否清晰完整，将由客服人工核对',
    en: 'The page holds no picture (only text or drawings), so we could not check that it is legible; an agent will look at it',
  },
  unreadable: {
    'zh-CN': '无法读取该页的图片（格式不支持、图片过大或已损坏），未能自动检查是否清晰完整，将由客服人工核对',
    en: 'We could not read the picture on the page (a format we do not read, too large, or damaged), so we could not check that it is legible; an agent will look at it',
  },
  not_examined: {
    'zh-CN': 'PDF 页数较多，超出自动检查的范围，将由客服人工核对',
    en: 'The PDF has more pages than are checked automatically; an agent will look at them',
  },
};

/** "1–3, 5": page numbers with runs joined. */
function pageRanges(pages: readonly number[]): string[] {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return ranges;
}

/** A finding about some pages of a PDF, named in front of its message ("第 2、4 页：…", "Pages 2, 4: …") and in its facts. */
export function onPages(found: Finding, pages: readonly number[]): Finding {
  const ranges = pageRanges(pages);
  const several = ranges.length > 1 || ranges[0]!.includes('–');
  return {
    ...found,
    message: {
      'zh-CN': `第 ${ranges.join('、')} 页：${found.message['zh-CN']}`,
      en: `${several ? 'Pages' : 'Page'} ${ranges.join(', ')}: ${found.message.en}`,
    },
    facts: { ...found.facts, pages: ranges.join(', ') },
  };
}

type Spec<F extends Facts> = { severity: Severity; text: (facts: F) => Localized };
const spec = <F extends Facts>(severity: Severity, text: (facts: F) => Localized): Spec<F> => ({ severity, text });
const camera = (c: string | null) => c ?? 'unknown camera';

export const findingTexts = {
  'file.type': spec<{ mime: AcceptedMimeType }>('pass', ({ mime }) => ({
    'zh-CN': `文件格式：${typeNames[mime]['zh-CN']}`,
    en: `The file is ${typeNames[mime].en}.`,
  })),
  'image.too_small': spec<{ width: number; height: number; minShortSide: number; minLongSide: number }>('fail', (f) => ({
    'zh-CN': `图片尺寸过小（${f.width}×${f.height} 像素），文字无法看清。请上传至少 ${f.minLongSide}×${f.minShortSide} 像素的照片或扫描件`,
    en: `The image is too small (${f.width}×${f.height} pixels) to read. Please upload a photo or scan of at least ${f.minLongSide}×${f.minShortSide} pixels`,
  })),
  'image.blurred': spec<{ score: number; threshold: number }>('warn', () => ({
    'zh-CN': '照片模糊，请在光线充足处重新拍摄，拍摄时保持手机稳定、对焦清晰',
    en: 'The photo is blurred; take it again in good light, holding the phone steady',
  })),
  'image.sharp': spec<{ score: number; threshold: number }>('pass', () => ({
    'zh-CN': '照片清晰',
    en: 'The photo is sharp.',
  })),
  'colour.greyscale': spec<{ chroma: number; colouredShare: number; channels: number }>('fail', () => ({
    'zh-CN': '这是黑白（灰度）图片，须为彩色扫描件或彩色照片，请重新上传',
    en: 'This is a black-and-white (greyscale) image; it must be a colour scan or colour photo. Please upload it again',
  })),
  'colour.ok': spec<{ chroma: number; colouredShare: number }>('pass', () => ({
    'zh-CN': '图片为彩色',
    en: 'The image is in colour.',
  })),
  'colour.unchecked': spec<{ images: number; reason: UncheckedPicture }>('warn', () => ({
    'zh-CN': '无法自动确认该 PDF 是否为彩色扫描件，将由客服人工核对；如为黑白件，请上传彩色扫描件',
    en: 'We could not check whether this PDF is a colour scan; an agent will look at it. If it is black and white, please upload a colour scan',
  })),
  'image.unchecked': spec<{ reason: UncheckedPicture }>('warn', ({ reason }) => uncheckedPictureTexts[reason]),
  'exif.front_camera': spec<{ lens: string | null; camera: string | null }>('fail', () => ({
    'zh-CN': '这张照片是用手机前置摄像头（自拍）拍摄的。请由他人使用后置摄像头重新拍摄',
    en: "This photo was taken with the phone's front (selfie) camera. Please ask someone to take it again with the rear camera",
  })),
  'exif.edited': spec<{ software: string }>('warn', ({ software }) => ({
    'zh-CN': `照片经过编辑软件（${software}）处理，请上传未经编辑的原始照片`,
    en: `The photo was saved by editing software (${software}); please upload the original photo, not an edited one`,
  })),
  'exif.software': spec<{ software: string }>('pass', ({ software }) => ({
    'zh-CN': `照片由 ${software} 保存`,
    en: `The photo was saved by ${software}.`,
  })),
  'exif.captured_at': spec<{ capturedAt: string; camera: string | null; lens: string | null }>('pass', (f) => ({
    'zh-CN': `拍摄时间 ${f.capturedAt}，设备：${f.camera ?? '未知'}`,
    en: `Taken at ${f.capturedAt} with ${camera(f.camera)}.`,
  })),
  'exif.camera': spec<{ camera: string | null; lens: string | null }>('pass', (f) => ({
    'zh-CN': `拍摄设备：${f.camera ?? '未知'}（未记录拍摄时间）`,
    en: `Taken with ${camera(f.camera)} (no capture time recorded).`,
  })),
  'exif.none': spec<{ damaged: boolean }>('pass', () => ({
    'zh-CN': '照片未包含拍摄信息（经聊天软件发送后常见）',
    en: 'The photo carries no camera information (common after it has been sent through a messaging app).',
  })),
  'exif.no_camera': spec<{ damaged: boolean }>('warn', () => ({
    'zh-CN': '没有拍摄设备信息，无法判断是否前置摄像头拍摄，请人工核对',
    en: 'No camera information: cannot tell whether the front camera took it; check by eye',
  })),
  'pdf.encrypted': spec<{ pages: number | null }>('fail', () => ({
    'zh-CN': '该 PDF 设有密码保护，无法查看。请取消密码后重新上传',
    en: 'The PDF is password-protected, so it cannot be viewed. Please remove the password and upload it again',
  })),
  'pdf.pages': spec<{ pages: number }>('pass', ({ pages }) => ({
    'zh-CN': `PDF 可正常打开，共 ${pages} 页`,
    en: `The PDF opens normally (${pages} ${pages === 1 ? 'page' : 'pages'}).`,
  })),
};

export type FindingCode = keyof typeof findingTexts;
type FactsOf<C extends FindingCode> = Parameters<(typeof findingTexts)[C]['text']>[0];

export function finding<C extends FindingCode>(code: C, facts: FactsOf<C>): Finding {
  const { severity, text } = findingTexts[code] as Spec<FactsOf<C>>;
  return { code, severity, message: spaced(text(facts)), facts };
}
