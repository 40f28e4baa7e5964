// The stored alarm title is English; @fleet/alarms holds every title in every catalogue language
// (derived rules included), so the API can show it localized from the code.
export { alarmTitle } from '@fleet/alarms';
