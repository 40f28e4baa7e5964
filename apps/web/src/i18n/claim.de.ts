import type { claimEn } from './claim.en';

// German texts of claiming a gateway by its code (issue 10).
export const claimDe: typeof claimEn = {
  link: 'Gateway übernehmen',
  pageTitle: 'Gateway übernehmen',
  subtitle:
    'Jedes Gateway zeigt einen Übernahmecode auf seinem Etikett und auf seiner lokalen Statusseite. Tippen Sie ihn ein oder scannen Sie den QR-Code: Das Gateway holt sich dann seine Zugangsdaten selbst, niemand kopiert Geheimnisse.',
  code: 'Übernahmecode',
  codeHint: 'Zwölf Zeichen, z. B. 7K3M-Q9XD-2RTM. Groß-/Kleinschreibung und Bindestriche sind egal.',
  name: 'Name des Gateways',
  nameHint: 'Wie das Gateway an diesem Standort heißt, z. B. „Garage“.',
  submit: 'Übernehmen',
  submitting: 'Wird übernommen…',
  scan: 'QR-Code scannen',
  scanStop: 'Scannen beenden',
  scanning: 'Halten Sie die Kamera auf den QR-Code auf dem Etikett des Gateways.',
  scanFailed: 'Die Kamera ließ sich nicht nutzen ({message}). Bitte tippen Sie den Code ein.',
  cameraLabel: 'Kamerabild zum Scannen',
  claimed:
    'Übernommen: {name} ist jetzt Gateway {id} an diesem Standort. Es holt sich seine Zugangsdaten innerhalb einer Minute selbst.',
  backToSite: 'Zurück zum Standort',
  loading: 'Seite zum Übernehmen wird geladen…',
  errorWhat: 'Die Angaben zur Gateway-Übernahme',
  problems: {
    code: 'Geben Sie den Übernahmecode des Gateways ein.',
    name: 'Geben Sie dem Gateway einen Namen.',
    taken:
      'Dieses Gateway wurde bereits übernommen. Ein Gateway kann nur einmal übernommen werden; bitten Sie den bisherigen Betreiber, es freizugeben, falls es umgezogen ist.',
    api: 'Die Übernahme ist fehlgeschlagen: {message}',
    unreachable: 'Der Server ist nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  },
};
