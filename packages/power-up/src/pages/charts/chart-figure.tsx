import type { Child } from 'hono/jsx';

/**
 * The accessible frame every chart is drawn in: a `<figure>` holding the SVG as one image (`role="img"`) named by its
 * `<title>` and described by a `<desc>` that says the figures in words, and the same words as the visible
 * `<figcaption>` — so a screen reader hears what a sighted reader sees, and the drawing's shapes are not read out
 * one by one.
 */
export function ChartFigure(props: {
  /** Unique on the page: the title's and description's ids derive from it. */
  id: string;
  /** The chart's own class beside `chart` (for the stylesheet). */
  class: string;
  /** The drawing's coordinate system (`viewBox`); it scales to the page's width. */
  width: number;
  height: number;
  title: string;
  /** The chart in words: its description and its caption. */
  summary: string;
  children?: Child;
}) {
  const { id, summary } = props;
  return (
    <figure class={`chart ${props.class}`}>
      <svg
        viewBox={`0 0 ${props.width} ${props.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {props.children}
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
