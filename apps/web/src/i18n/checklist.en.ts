// English texts of a site's commissioning checklist (issue 10). `{name}` is filled by interpolate
// from the item's evidence (units as in the API: mV, s, %).
export const checklistEn = {
  title: 'Commissioning checklist',
  intro:
    'Filled in from live data: items turn green as the site reports. Complete commissioning once all have passed.',
  state: { pending: 'Waiting', passed: 'Passed', failed: 'Needs attention' },
  observed: 'seen {time}',
  items: {
    'first-data': 'First data in the cloud',
    topology: 'All expected strings and modules present',
    bus: 'Bus healthy',
    clock: 'Gateway clock in sync',
    'cell-spread': 'Cell spread within band after the first full charge',
  },
  reasons: {
    'no-strings': 'No string has been registered for this site yet.',
    'waiting-for-data': 'Waiting for the first samples of {missing}.',
    'data-arrived': 'All {strings} string(s) have sent data.',
    'expected-unknown': 'The module count of a string is not known yet.',
    'modules-mismatch': '{presentModules} of {expectedModules} expected modules are present.',
    'waiting-for-strings': 'Waiting for every string to report.',
    'all-present': '{strings} string(s) with all {presentModules} expected modules.',
    'no-heartbeat': 'No gateway heartbeat has arrived yet.',
    'no-counters': 'The gateway reports no bus counters yet.',
    'adapter-errors': 'The bus adapter reports errors or reconnects: check the adapter and its cable.',
    'termination-suspected':
      '{worstCorruptPct} % of frames are corrupt while the adapter is healthy: check the 120 Ω termination at both ends of the bus.',
    'too-few-frames': 'Too few frames so far to judge the bus.',
    healthy: 'No bus errors ({worstCorruptPct} % corrupt frames).',
    'clock-skew':
      'The gateway clock is {worstSkewS} s off (limit {maxSkewS} s): enable time sync (NTP) on the gateway.',
    'waiting-for-gateways': 'Waiting for every gateway to send a heartbeat.',
    'in-sync': 'Within {maxSkewS} s of the cloud ({worstSkewS} s).',
    'waiting-for-full-charge': 'Waiting for the first full charge (SOC ≥ 99 %).',
    'waiting-for-rest': 'Fully charged; waiting for a reading at rest.',
    'within-band': 'Spread {worstSpreadMv} mV at rest (limit {maxSpreadMv} mV).',
    'spread-too-wide':
      'Spread {worstSpreadMv} mV at rest (limit {maxSpreadMv} mV): let the batteries balance at full charge.',
  } as Record<string, string>,
  complete: 'Complete commissioning',
  completing: 'Completing…',
  notYet: 'Commissioning can be completed once every item has passed.',
  completed: 'Commissioned {time} by {name}. The checklist is part of the site’s warranty record.',
  paused: 'Updates paused: {problem}',
  problems: {
    conflict: 'Not completed: {message}',
    api: 'Completing failed: {message}',
    unreachable: 'The server cannot be reached. Try again in a moment.',
  },
};
