/**
 * The host refuses members newer than the Excel it plays (ApiNotFound); which version introduced each member is
 * read from the loaded office.js client itself, the same way in Node (jsdom) and in the browser playground.
 */
import { apiVersionsIn } from '../../standin/richapi/client';
import { loadOfficeJs } from '../../standin/richapi/node-client';

test('each member’s ExcelApi version comes from office.js’s own checks', () => {
  const versions = apiVersionsIn(loadOfficeJs().window);
  expect(versions.size).toBeGreaterThan(500);
  expect(versions.get('Worksheet.onChanged')).toBe('1.7');
  expect(versions.get('Range.getMergedAreasOrNullObject')).toBe('1.13');
  expect(versions.get('Workbook.getSelectedRanges')).toBe('1.9');
  // ExcelApi 1.1 members carry no check: they exist on every host.
  expect(versions.has('Range.values')).toBe(false);
});
