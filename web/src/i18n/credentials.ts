// Messages of the learner's credentials page and of the page behind a printed credential's QR code.
const en = {
  title: 'My credentials',
  lead: 'Every credential issued to you, with its status. Download it as issued (JSON or JWT) or as a printable PDF that carries the credential itself and a QR code to its verification page.',
  empty: 'No credential has been issued to you yet.',
  kind: {
    ACHIEVEMENT: 'Achievement',
    QUALIFICATION: 'Diploma or degree',
    TRANSCRIPT: 'Transcript',
  },
  status: {
    active: 'Active',
    suspended: 'Suspended',
    revoked: 'Revoked',
    since: '{{status}} since {{date}}: {{reason}}',
  },
  issuedBy: 'Issued by {{issuer}} on {{date}}',
  format: {
    EDDSA_RDFC_2022: 'Data Integrity (eddsa-rdfc-2022)',
    ECDSA_RDFC_2019: 'Data Integrity (ecdsa-rdfc-2019)',
    ECDSA_SD_2023: 'Data Integrity, selective disclosure (ecdsa-sd-2023)',
    VC_JWT: 'VC-JOSE (JWT)',
  },
  securedAs: 'Secured as {{format}}.',
  onlyJson:
    'Issued as JSON (Data Integrity) only: a credential is signed once, in one format, so there is no JWT of it.',
  onlyJwt:
    'Issued as a JWT (VC-JOSE) only: a credential is signed once, in one format, so there is no JSON-LD proof of it.',
  downloadJson: 'Download JSON',
  downloadJwt: 'Download JWT',
  downloadPdf: 'Download PDF',
  pdfHint:
    'The PDF is an A4 document in Chinese and English. Anyone can verify it by dropping it on the verify page or by scanning its QR code.',
  pdfFailed: 'The PDF could not be made: {{message}}',
  courses: '{{count}} courses',
  printed: {
    title: 'A printed credential',
    lead: 'You scanned the QR code of a printed credential. This is what its issuer signed, checked now.',
    status: 'Status now',
    history: 'Status changes',
    notFound:
      'No credential matches this link. Check that the whole QR code was scanned; a link altered by hand opens nothing.',
    action: { revoked: 'Revoked', suspended: 'Suspended', reinstated: 'Reinstated' },
  },
};

type Messages = typeof en;

const zh: Messages = {
  title: '我的证书',
  lead: '签发给您的所有证书及其状态。可按签发原样下载（JSON 或 JWT），或下载可打印的 PDF：其中内嵌证书本身，并附有通往验证页面的二维码。',
  empty: '尚未有证书签发给您。',
  kind: { ACHIEVEMENT: '学习成果', QUALIFICATION: '毕业证书或学位证书', TRANSCRIPT: '成绩单' },
  status: {
    active: '有效',
    suspended: '已暂停',
    revoked: '已撤销',
    since: '自 {{date}} 起{{status}}：{{reason}}',
  },
  issuedBy: '由{{issuer}}于 {{date}} 签发',
  format: {
    EDDSA_RDFC_2022: '数据完整性证明（eddsa-rdfc-2022）',
    ECDSA_RDFC_2019: '数据完整性证明（ecdsa-rdfc-2019）',
    ECDSA_SD_2023: '数据完整性证明，可选择性披露（ecdsa-sd-2023）',
    VC_JWT: 'VC-JOSE（JWT）',
  },
  securedAs: '签名方式：{{format}}。',
  onlyJson: '仅以 JSON（数据完整性证明）签发：每份证书只以一种格式签名一次，因此没有它的 JWT。',
  onlyJwt: '仅以 JWT（VC-JOSE）签发：每份证书只以一种格式签名一次，因此没有它的 JSON-LD 证明。',
  downloadJson: '下载 JSON',
  downloadJwt: '下载 JWT',
  downloadPdf: '下载 PDF',
  pdfHint: 'PDF 为中英双语的 A4 文件。任何人都可以把它拖到验证页面，或扫描其二维码来验证。',
  pdfFailed: '无法生成 PDF：{{message}}',
  courses: '{{count}} 门课程',
  printed: {
    title: '纸质证书验证',
    lead: '您扫描了一份纸质证书上的二维码。以下是签发机构所签名的内容，并已即时核验。',
    status: '当前状态',
    history: '状态变更',
    notFound: '没有与此链接相符的证书。请确认二维码已完整扫描；被手动改动的链接无法打开任何证书。',
    action: { revoked: '撤销', suspended: '暂停', reinstated: '恢复' },
  },
};

export const credentials = { en, zh };
