/**
 * The element the circle marker puts on a post. Its own module: the page's post observer ignores it
 * (our element arriving is not a page change) without loading the marker itself.
 */
export const MARKER_TAG = 'rueckenwind-circle-marker';
