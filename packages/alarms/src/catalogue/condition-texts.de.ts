// German texts of the shared physical conditions (condition-texts.ts), same keys and the same
// facts: every number, limit, message id and reference of the English text, nothing added.
// catalogue-de.spec.ts checks both hold.
import type { ConditionKey, ConditionText } from './condition-texts.js';

const SUPPORT =
  'Bleibt der Alarm bestehen, senden Sie dem Pylontech-Support die Rohwerte der Statuswörter und eine Zell-Momentaufnahme dieses Alarms.';
const RESET =
  'Starten Sie das BMS mit einem langen Druck auf seine Reset-Taste neu (Neustart ohne Trennen der Versorgung, Produktseite).';
const HIGH_VOLTAGE_WORK =
  'Arbeiten auf der DC-Seite nur durch Elektrofachkräfte: Der Strang arbeitet mit bis zu 1.000 V DC (Produktseite).';
const LIMITS =
  'Prüfen Sie, ob der Wechselrichter die Grenzwerte einhält, die das BMS sendet (Lade- und Entladeschlussspannung sowie Stromgrenzen, HV 0x4220 / LV 0x351).';
const BALANCE =
  'Zellen nicht ausgeglichen: Die schwächste Zelle erreicht ihre Grenze vor den anderen (Produktseite, aktives Balancing).';
const FULL_CHARGE =
  'Lassen Sie den Strang vollständig laden, damit das BMS ihn ausgleichen kann (eine Vollladung etwa alle 3 Monate, §6).';
const TEMPERATURE_RANGE =
  'Arbeitsbereich: SC1000-100S −20 … +65 °C (Produktseite); Force-H1-V2-Module 0 … 50 °C, am besten 18-28 °C (§6, eine Quelle).';

export const CONDITION_TEXTS_DE: { readonly [K in ConditionKey]: ConditionText } = {
  cellLowVoltage: {
    title: 'Zellunterspannung',
    what: 'mindestens eine Zelle liegt unter der Unterspannungsgrenze',
    causes: [
      'Der Strang wurde tief entladen (niedriger SOC) und die Last hat weiter Leistung entnommen.',
      BALANCE,
      'Der Wechselrichter entlädt unter die Entladeschlussspannung, die das BMS sendet.',
    ],
    firstSteps: [
      'Sehen Sie sich in der Strangansicht den SOC und die niedrigste Zelle (Spannung und Nummer) an.',
      LIMITS,
      'Ist immer dieselbe Zelle die niedrigste, prüfen Sie ihren Drifttrend auf eine schwache Zelle.',
    ],
  },
  cellHighVoltage: {
    title: 'Zellüberspannung',
    what: 'mindestens eine Zelle liegt über der Überspannungsgrenze',
    causes: [BALANCE, 'Der Wechselrichter lädt über die Ladeschlussspannung, die das BMS sendet.'],
    firstSteps: [
      'Sehen Sie sich in der Strangansicht die höchste Zelle (Spannung und Nummer) und die Zellspreizung an.',
      LIMITS,
      FULL_CHARGE,
    ],
  },
  packLowVoltage: {
    title: 'Strang-Unterspannung',
    what: 'die Strangspannung („Pile“) liegt unter ihrer unteren Grenze',
    causes: [
      'Der Strang wurde tief entladen und die Last hat weiter Leistung entnommen.',
      'Der Wechselrichter entlädt unter die Entladeschlussspannung, die das BMS sendet.',
    ],
    firstSteps: [
      'Sehen Sie sich den SOC und den Verlauf der Strangspannung an.',
      LIMITS,
      'Lassen Sie den Wechselrichter den Strang laden.',
    ],
  },
  packHighVoltage: {
    title: 'Strang-Überspannung',
    what: 'die Strangspannung liegt über ihrer oberen Grenze',
    causes: ['Der Wechselrichter lädt über die Ladeschlussspannung, die das BMS sendet.', BALANCE],
    firstSteps: ['Sehen Sie sich die Strangspannung und die höchste Zelle an.', LIMITS],
  },
  chargeLowTemperature: {
    title: 'Laden bei zu kalten Zellen',
    what: 'eine Zelle liegt unter der unteren Temperaturgrenze für das Laden',
    causes: ['Das Rack steht in einem kalten Raum oder im Winter im Freien.', TEMPERATURE_RANGE],
    firstSteps: [
      'Sehen Sie sich die niedrigste Zelltemperatur und die Raumtemperatur an.',
      'Das Laden geht weiter, sobald sich die Zellen erwärmen; erwägen Sie, die Anlage umzusetzen oder den Aufstellraum zu heizen.',
    ],
  },
  chargeHighTemperature: {
    title: 'Laden bei zu heißen Zellen',
    what: 'eine Zelle liegt über der oberen Temperaturgrenze für das Laden',
    causes: [
      'Schlechte Belüftung oder ein heißer Aufstellraum.',
      'Lange Zeit hoher Ladestrom.',
      TEMPERATURE_RANGE,
    ],
    firstSteps: [
      'Sehen Sie sich die höchste Zelltemperatur, ihr Modul und die Raumtemperatur an.',
      'Verbessern Sie die Belüftung; prüfen Sie, dass nichts das Rack verdeckt.',
    ],
  },
  dischargeLowTemperature: {
    title: 'Entladen bei zu kalten Zellen',
    what: 'eine Zelle liegt unter der unteren Temperaturgrenze für das Entladen',
    causes: ['Das Rack steht in einem kalten Raum oder im Winter im Freien.', TEMPERATURE_RANGE],
    firstSteps: [
      'Sehen Sie sich die niedrigste Zelltemperatur und die Raumtemperatur an.',
      'Halten Sie den Raum frostfrei.',
    ],
  },
  dischargeHighTemperature: {
    title: 'Entladen bei zu heißen Zellen',
    what: 'eine Zelle liegt über der oberen Temperaturgrenze für das Entladen',
    causes: [
      'Schlechte Belüftung oder ein heißer Aufstellraum.',
      'Lange Zeit hoher Entladestrom.',
      TEMPERATURE_RANGE,
    ],
    firstSteps: [
      'Sehen Sie sich die höchste Zelltemperatur, ihr Modul und die Raumtemperatur an.',
      'Verbessern Sie die Belüftung; verringern Sie die Entladeleistung, wenn es wiederholt auftritt.',
    ],
  },
  cellHighTemperature: {
    title: 'Zellübertemperatur',
    what: 'eine Zelle liegt über der oberen Temperaturgrenze',
    causes: [
      'Schlechte Belüftung oder ein heißer Aufstellraum.',
      'Lange Zeit hoher Strom.',
      TEMPERATURE_RANGE,
    ],
    firstSteps: [
      'Sehen Sie sich die Zelltemperaturen und die Raumtemperatur an.',
      'Verbessern Sie die Belüftung.',
    ],
  },
  cellLowTemperature: {
    title: 'Zelluntertemperatur',
    what: 'eine Zelle liegt unter der unteren Temperaturgrenze',
    causes: ['Die Batterie steht in einem kalten Raum oder im Winter im Freien.', TEMPERATURE_RANGE],
    firstSteps: [
      'Sehen Sie sich die Zelltemperaturen und die Raumtemperatur an.',
      'Halten Sie den Raum frostfrei.',
    ],
  },
  systemError: {
    title: 'BMS-Systemfehler',
    what: 'das BMS meldet einen internen (System-)Fehler',
    causes: ['Ein interner Fehler des BMS; die Referenz nennt keine weiteren Einzelheiten.'],
    firstSteps: ['Notieren Sie die anderen Alarme desselben Messwerts.', SUPPORT],
  },
  chargeOverCurrent: {
    title: 'Ladeüberstrom',
    what: 'der Ladestrom liegt über der Grenze',
    causes: [
      'Der Wechselrichter lädt mit mehr Strom als der Ladestromgrenze, die das BMS sendet.',
      'Der SC1000-100S ist für 100 A Laden und Entladen ausgelegt (Produktseite).',
    ],
    firstSteps: [
      LIMITS,
      'Prüfen Sie, ob die Einstellung für Batterietyp / Protokoll im Wechselrichter zu einer Pylontech-HV-Batterie passt.',
    ],
  },
  dischargeOverCurrent: {
    title: 'Entladeüberstrom',
    what: 'der Entladestrom liegt über der Grenze',
    causes: [
      'Die Verbraucher ziehen mehr als die Entladestromgrenze, die das BMS sendet (Nennwert 100 A, Produktseite).',
      'Einschaltstrom beim Zuschalten: Der SC1000-100S hat keinen Sanftanlauf, daher muss der Wechselrichter einen haben (Produktseite).',
    ],
    firstSteps: [
      LIMITS,
      'Stellen Sie sicher, dass der Wechselrichter eine Sanftanlauf-Funktion hat (der SC1000-100S-V2 hat eine eigene, der ursprüngliche nicht).',
    ],
  },
  moduleLowVoltage: {
    title: 'Modul-Unterspannung',
    what: 'ein Modul liegt unter seiner Unterspannungsgrenze',
    causes: [
      'Tiefentladung des Strangs.',
      'Ein Modul liegt niedriger als die anderen (schwache oder unausgeglichene Zellen darin).',
    ],
    firstSteps: [
      'Vergleichen Sie das niedrigste Modul (Spannung und Nummer) mit dem höchsten.',
      'Ist immer dasselbe Modul das niedrigste, vergleichen Sie seine Zellen in einer Zell-Momentaufnahme.',
    ],
  },
  moduleHighVoltage: {
    title: 'Modul-Überspannung',
    what: 'ein Modul liegt über seiner Überspannungsgrenze',
    causes: [
      'Laden über die Grenzwerte hinaus, die das BMS sendet.',
      'Ein Modul liegt höher als die anderen (unausgeglichene Zellen darin).',
    ],
    firstSteps: [
      'Vergleichen Sie das höchste Modul (Spannung und Nummer) mit dem niedrigsten.',
      LIMITS,
      FULL_CHARGE,
    ],
  },
  voltageSensorError: {
    title: 'Fehler der Spannungsmessung',
    what: 'das BMS meldet einen Fehler seiner Spannungsmessung',
    causes: [
      'Eine ausgefallene Spannungsmessung im BMS oder in einem Modul; die Referenz nennt keine weiteren Einzelheiten.',
    ],
    firstSteps: [
      'Prüfen Sie, ob die Zellspannungen in der Momentaufnahme unplausibel sind (0 oder fehlend).',
      RESET,
      SUPPORT,
    ],
  },
  temperatureSensorError: {
    title: 'Fehler des Temperatursensors',
    what: 'das BMS meldet einen Fehler seiner Temperaturmessung',
    causes: [
      'Ein ausgefallener Temperatursensor im BMS oder in einem Modul; die Referenz nennt keine weiteren Einzelheiten.',
    ],
    firstSteps: ['Prüfen Sie, ob die Zelltemperaturen unplausibel sind oder fehlen.', RESET, SUPPORT],
  },
  internalCommunicationError: {
    title: 'Interner Kommunikationsfehler',
    what: 'das BMS hat die Kommunikation innerhalb des Strangs verloren (BMS ↔ Modul-BMS)',
    causes: [
      'Ein lockeres oder beschädigtes Verbindungskabel zwischen den Modulen und dem BMS (der SC1000-100S liest jedes Modul über Verbindungen zwischen den Modulen, Produktseite).',
      'Mehrere Stränge: doppelt vergebene Adressen am ADD-Schalter oder Terminierung nicht nur am letzten BMS eingeschaltet (Produktseite).',
    ],
    firstSteps: [
      'Prüfen Sie die Kommunikationskabel zwischen den Modulen und dem BMS.',
      'Prüfen Sie den ADD-Schalter: eine eigene Adresse je Strang; Bit 6 (Terminierung) nur am letzten BMS der Kette ein.',
      RESET,
    ],
  },
  inputOverVoltageError: {
    title: 'DC-Eingangsüberspannung',
    what: 'die Spannung am DC-Eingang des BMS liegt über seinem Bereich',
    causes: [
      'Spannung vom Wechselrichter bzw. von der DC-Seite über dem Bereich des Strangs (200-1.000 V DC, Produktseite).',
    ],
    firstSteps: [HIGH_VOLTAGE_WORK, 'Messen Sie die Spannung an der externen Leistungsklemme.', SUPPORT],
  },
  inputReversePolarityError: {
    title: 'DC-Eingang verpolt',
    what: 'das BMS erkennt eine vertauschte Polarität an seinem DC-Eingang',
    causes: [
      'Das externe Leistungskabel zum Wechselrichter oder DC-Trennschalter ist mit vertauschtem + / − angeschlossen.',
    ],
    firstSteps: [
      HIGH_VOLTAGE_WORK,
      'Schalten Sie die Anlage aus und prüfen Sie die Polarität der Verdrahtung an der externen Leistungsklemme.',
    ],
  },
  relayCheckError: {
    title: 'Fehler der Relaisprüfung',
    what: 'das Relais (Schütz) des BMS hat seine Prüfung nicht bestanden',
    causes: [
      'Ein beschädigtes Schütz: Einschaltstrom beim Zuschalten ohne Sanftanlauf des Wechselrichters kann die Schütze des BMS beschädigen (Produktseite).',
    ],
    firstSteps: [
      'Stellen Sie sicher, dass der Wechselrichter eine Sanftanlauf-Funktion hat.',
      RESET,
      SUPPORT,
    ],
  },
  batteryDamageError: {
    title: 'Batterieschaden',
    what: 'das BMS meldet die Batterie als beschädigt',
    causes: ['Typischerweise nach einer tiefen Überentladung (§1.4.5 Tabelle B).'],
    firstSteps: [
      'Starten Sie den Strang nicht immer wieder neu und erzwingen Sie kein Laden.',
      'Notieren Sie den SOC, die niedrigsten Zellen und wie lange der Strang leer stand.',
      SUPPORT,
    ],
  },
  otherError: {
    title: 'Sonstiger BMS-Fehler',
    what: 'das BMS meldet einen Fehler, der nicht im Fehlerbyte steht; Einzelheiten stehen in der Fehlererweiterung 0x4290',
    causes: [
      'Eine der Bedingungen der Fehlererweiterung (§1.4.9): siehe die Fehlererweiterungs-Bits dieses Strangs.',
    ],
    firstSteps: ['Sehen Sie sich die Fehlererweiterungs-Alarme desselben Strangs an.', RESET, SUPPORT],
  },
};

export const SUPPORT_STEP_DE = SUPPORT;
export const RESET_STEP_DE = RESET;
export const FULL_CHARGE_STEP_DE = FULL_CHARGE;
export const LIMITS_STEP_DE = LIMITS;
