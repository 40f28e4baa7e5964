// English texts of claiming a gateway by its code (issue 10). `{name}` is filled by interpolate.
export const claimEn = {
  link: 'Claim a gateway',
  pageTitle: 'Claim a gateway',
  subtitle:
    'Each gateway shows a claim code on its label and on its local status page. Type it or scan its QR code: the gateway then fetches its own credentials, nobody copies secrets.',
  code: 'Claim code',
  codeHint: 'Twelve characters, e.g. 7K3M-Q9XD-2RTM. Case and dashes do not matter.',
  name: 'Gateway name',
  nameHint: 'How the gateway is shown on this site, e.g. “Garage”.',
  submit: 'Claim',
  submitting: 'Claiming…',
  scan: 'Scan the QR code',
  scanStop: 'Stop scanning',
  scanning: 'Point the camera at the QR code on the gateway’s label.',
  scanFailed: 'The camera could not be used ({message}). Type the code instead.',
  cameraLabel: 'Camera picture for scanning',
  claimed:
    'Claimed: {name} is now gateway {id} on this site. It fetches its credentials by itself within a minute.',
  backToSite: 'Back to the site',
  loading: 'Loading the claim page…',
  errorWhat: 'the claim page',
  problems: {
    code: 'Enter the claim code from the gateway.',
    name: 'Give the gateway a name.',
    taken:
      'This gateway is already claimed. A gateway can be claimed once; ask its owner to release it if it moved.',
    api: 'The claim failed: {message}',
    unreachable: 'The server cannot be reached. Try again in a moment.',
  },
};
