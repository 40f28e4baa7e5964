// English texts of the weekly fleet report page (org admins: the preview of last week's mail).
export const reportsEn = {
  nav: 'Weekly report',
  weekly: {
    pageTitle: 'Weekly fleet report',
    subtitle:
      'Last complete week as the mail your admins and installers receive on Monday: new early warnings, strings that need a visit, sites without data and how complete the data was. Nothing is sent from here.',
    language:
      'Shown in your language. Admins and installers each get the mail in the language they chose in Fleet.',
    frameTitle: 'Preview of the weekly fleet report mail',
    loading: 'Loading the weekly report…',
    errorWhat: 'the weekly report',
  },
};
