import { px } from './chart-scale.js';

/** One legend entry: a short line drawn as the series is drawn (colour and dash), and its name. */
export type LegendItem = { label: string; stroke: string; dash: string | undefined };

/** Roughly the width of an 11 px sans-serif character: enough to space the entries without measuring text. */
const CHAR_WIDTH = 6.2;

/** A chart's legend in one row: each series' line sample and name, so the dash tells the lines apart, not only hue. */
export function Legend(props: { x: number; y: number; items: readonly LegendItem[] }) {
  let left = props.x;
  return (
    <g class="legend" font-size="11" fill="#222" aria-hidden="true">
      {props.items.map((item) => {
        const at = left;
        left += 28 + item.label.length * CHAR_WIDTH + 14;
        return (
          <g>
            <line
              x1={px(at)}
              x2={px(at + 22)}
              y1={props.y + 8}
              y2={props.y + 8}
              stroke={item.stroke}
              stroke-width="2.5"
              stroke-dasharray={item.dash}
            />
            <text x={px(at + 28)} y={props.y + 12}>
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
