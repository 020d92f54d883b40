/**
 * Lines of a terminal's scrollback in the page while its view is at the bottom: several screens, wrapped
 * or not (issue 15: an Enter laid out every line of the scrollback, thousands once a build had printed).
 */
export const TAIL = 300;
