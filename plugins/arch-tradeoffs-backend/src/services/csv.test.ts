import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what must be quoted and writes numbers as they are', () => {
    expect(toCsv(['a', 'b', 'c'], [['x, y', 'say "hi"', 12.5], [null, undefined, NaN]])).toBe(
      'a,b,c\r\n"x, y","say ""hi""",12.5\r\n,,\r\n',
    );
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\r=1+1'])(
    'neutralises %j, which a spreadsheet would run as a formula (OWASP CSV injection)',
    value => {
      const [, row] = toCsv(['v'], [[value]]).split('\r\n');
      // Quoted or not, the cell's text starts with an apostrophe.
      expect(row.replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('leaves ordinary text alone', () => {
    expect(toCsv(['v'], [['checkout-service'], ['4 engineers']])).toBe('v\r\ncheckout-service\r\n4 engineers\r\n');
  });
});
