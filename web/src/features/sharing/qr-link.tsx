// A link with its QR code, drawn here as SVG (no outside service), and a button to copy it.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/base/button/button.tsx';

export function QrLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (s) => live && setSvg(s),
      () => live && setSvg(null),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <div className="qr-link">
      {svg && (
        <img
          className="qr"
          data-testid="share-qr"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
          alt={t('portal.sharing.qrAlt')}
        />
      )}
      <p className="share-url">
        <a href={url} data-testid="share-url">
          {url}
        </a>
      </p>
      <Button
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {t('portal.sharing.copy')}
      </Button>
      {copied && (
        <span role="status" className="muted">
          {' '}
          {t('portal.sharing.copied')}
        </span>
      )}
    </div>
  );
}
