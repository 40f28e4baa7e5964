// The claim code as a printed label and on the local status page: a QR code holding just the
// code (what the web app's scanner reads) and the code in large type for typing it instead.
import QRCode from 'qrcode';

function qrSvg(code: string): Promise<string> {
  // Medium error correction survives a scuffed label; the code is short, so the QR stays small.
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** A 62 × 29 mm label (common thermal label size): QR on the left, code and hint on the right. */
export async function claimLabelSvg(code: string): Promise<string> {
  const qr = (await qrSvg(code)).replace('<svg ', '<svg x="1" y="1" width="27" height="27" ');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="62mm" height="29mm" viewBox="0 0 62 29">',
    '<rect width="62" height="29" fill="#fff"/>',
    qr,
    '<text x="30" y="9" font-family="sans-serif" font-size="3.2">Claim code</text>',
    `<text x="30" y="16" font-family="monospace" font-size="4.2" font-weight="bold">${code}</text>`,
    '<text x="30" y="23" font-family="sans-serif" font-size="2.6">Claim this gateway in the app</text>',
    '</svg>',
  ].join('\n');
}

/** The status page shown on the gateway until it is claimed (loopback, for the installer on site). */
export async function claimPageHtml(state: { claimCode: string; gatewayId: string | null }): Promise<string> {
  const status = state.gatewayId
    ? `<p>Claimed as <strong>${state.gatewayId}</strong>.</p>`
    : '<p>Not claimed yet. Scan the code or type it in the app on the site page (“Claim a gateway”).</p>';
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gateway claim code</title>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    '<body style="font-family:sans-serif;max-width:28rem;margin:2rem auto">',
    '<h1>Gateway claim code</h1>',
    `<p style="font:bold 2rem monospace" id="claim-code">${state.claimCode}</p>`,
    `<div style="width:12rem" role="img" aria-label="QR code of ${state.claimCode}">${await qrSvg(state.claimCode)}</div>`,
    status,
    '</body></html>',
  ].join('\n');
}
