/**
 * How far the planning functions look, so their cost follows the window a caller asks about rather than the
 * contract's length (an end date of 9999-12-31 is a common "open-ended" placeholder).
 */

/**
 * Work orders are planned for target dates from 1900-01-01 through 2199-12-31 only. Outside those years a zone's
 * rules are local mean time or a guess about the future, and placing a time there would make the shared zone table
 * sample every day between now and then (minutes of work for year 9999). A contract may still run from 0001-01-01 to
 * 9999-12-31; planning, previews and budget forecasts simply see no targets outside these years.
 */
export const PLANNING_FIRST_DATE = '1900-01-01';
/** The last target date that is planned; see {@link PLANNING_FIRST_DATE}. */
export const PLANNING_LAST_DATE = '2199-12-31';

/**
 * `planWorkOrders` looks back at most this many days (about ten years) from today: older occurrences that were never
 * generated are history, neither planned nor listed as skipped. Pass `since` to look back less.
 */
export const LOOK_BACK_DAYS = 3_660;

/** `previewScheduleChange` compares at most this many days (about ten years) ahead of today. */
export const PREVIEW_MAX_DAYS = 3_660;

/**
 * `budgetStatus` counts planned work orders at most this many days (about ten years) ahead of today; a budget period
 * that ends later has no forecast, like an open-ended one.
 */
export const FORECAST_HORIZON_DAYS = 3_660;
