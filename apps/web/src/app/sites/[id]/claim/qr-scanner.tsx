'use client';

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../../i18n/client';
import { interpolate } from '../../../../i18n/dictionary';
import styles from './claim.module.css';

// The Shape Detection API is not in TypeScript's DOM library yet; only what is used here.
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

/**
 * Scans the gateway label's QR code with the camera where the browser has BarcodeDetector
 * (Chrome on Android, Safari 17+); elsewhere nothing is shown and the code is typed.
 */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useI18n();
  const [supported, setSupported] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  // After hydration only: the server cannot know the browser's abilities.
  useEffect(() => setSupported(barcodeDetector() !== undefined), []);

  useEffect(() => {
    const Detector = barcodeDetector();
    if (!scanning || !Detector) {
      return;
    }
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    const look = async () => {
      const element = video.current;
      if (stopped || !element) {
        return;
      }
      const found = await detector.detect(element).catch(() => []);
      const code = found[0]?.rawValue;
      if (code) {
        onCode(code);
        setScanning(false);
        return;
      }
      timer = setTimeout(look, 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (video.current && !stopped) {
          video.current.srcObject = s;
          await video.current.play();
          await look();
        }
      })
      .catch((error: Error) => {
        setProblem(interpolate(t.claim.scanFailed, { message: error.message }));
        setScanning(false);
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) {
        track.stop();
      }
    };
  }, [scanning, onCode, t]);

  if (!supported) {
    return null;
  }
  return (
    <div className={styles.scanner}>
      <button type="button" onClick={() => setScanning((s) => !s)} aria-pressed={scanning}>
        {scanning ? t.claim.scanStop : t.claim.scan}
      </button>
      {scanning ? (
        <>
          <p className={styles.hint}>{t.claim.scanning}</p>
          <video ref={video} className={styles.video} muted playsInline aria-label={t.claim.cameraLabel} />
        </>
      ) : null}
      {problem ? (
        <p role="alert" className={styles.error}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
