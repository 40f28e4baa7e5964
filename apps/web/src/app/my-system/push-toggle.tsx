'use client';

import { useState } from 'react';
import { useI18n } from '../../i18n/client';
import styles from './my-system.module.css';
import { subscribePush } from './push-actions';

type PushState = 'idle' | 'busy' | 'on' | 'unsupported' | 'denied' | 'failed';

/** The VAPID key as the bytes pushManager.subscribe() wants (base64url → Uint8Array). */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function turnOn(publicKey: string): Promise<PushState> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return 'unsupported';
  }
  if ((await Notification.requestPermission()) !== 'granted') {
    return 'denied';
  }
  const registration = await navigator.serviceWorker.register('/my-system/push-worker', {
    scope: '/my-system/',
  });
  await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: keyBytes(publicKey),
  });
  return (await subscribePush(subscription.toJSON())) ? 'on' : 'failed';
}

/** "Push messages on this device": shown only when the API has push configured (a VAPID key). */
export function PushToggle({ publicKey }: { publicKey: string }) {
  const { t } = useI18n();
  const words = t.owner.notifications;
  const [state, setState] = useState<PushState>('idle');
  const message = {
    idle: null,
    busy: null,
    on: words.pushOnDone,
    unsupported: words.pushUnsupported,
    denied: words.pushDenied,
    failed: words.pushFailed,
  }[state];
  return (
    <div className={styles.row}>
      <span>{words.push}</span>
      {state === 'on' ? null : (
        <button
          type="button"
          className="fleet-button"
          disabled={state === 'busy'}
          aria-busy={state === 'busy'}
          onClick={() => {
            setState('busy');
            turnOn(publicKey).then(setState, () => setState('failed'));
          }}
        >
          {words.pushOn}
        </button>
      )}
      {message ? (
        <p
          role="status"
          className={state === 'on' ? styles.saved : styles.problem}
          data-testid="push-outcome"
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
