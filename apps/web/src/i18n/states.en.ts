// English texts of the app-wide states (issue 9): the page for an unknown address and the last
// resort when even the app's frame fails. `{name}` is filled by interpolate.
export const statesEn = {
  notFound: {
    pageTitle: 'Page not found · Fleet',
    title: 'Page not found',
    text: 'There is nothing at this address, or it is not yours to see. The link may be out of date or mistyped.',
    toFleet: 'Go to the fleet view',
    toMySystem: 'Go to my system',
    toSignIn: 'Go to sign-in',
  },
  globalError: {
    pageTitle: 'Something went wrong · Fleet',
    what: 'this page',
  },
};
