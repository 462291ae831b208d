package cn.ruralfund.reporting.service;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The national self-evaluation table (项目支出绩效自评表) as XLSX (Apache POI: merged header cells, number formats,
 * A4 landscape print layout) and as CSV, from the same {@link Evaluation.Report} that is served as JSON.
 */
public final class EvaluationExport {

    /** Column titles of the indicator rows. */
    public static final List<String> COLUMNS = List.of("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施", "状态", "数据来源");
    /** The first row (0-based) of the indicator rows in the sheet. */
    public static final int FIRST_INDICATOR_ROW = 6;

    private EvaluationExport() {
    }

    public static byte[] xlsx(Evaluation.Report report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("绩效自评表");
            CellStyle title = style(book, true, false, 14);
            CellStyle head = style(book, true, true, 10);
            CellStyle text = style(book, false, true, 10);
            CellStyle money = style(book, false, true, 10);
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            CellStyle number = style(book, false, true, 10);
            number.setDataFormat(book.createDataFormat().getFormat("0.00"));
            int last = COLUMNS.size() - 1;
            Evaluation.Header h = report.header();

            cell(sheet, 0, 0, "项目支出绩效自评表 (" + report.asOf() + ")", title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            cell(sheet, 1, 0, "项目名称", head);
            cell(sheet, 1, 1, h.program(), text);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 1, 4));
            cell(sheet, 1, 5, "县市 / 年度", head);
            cell(sheet, 1, 6, h.county() + " " + h.year() + " (" + h.periodStart() + " – " + h.periodEnd() + ")", text);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 6, last));
            cell(sheet, 2, 0, "项目资金（万元）", head);
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            String[] moneyTitles = {"年初预算数", "全年预算数", "全年执行数", "执行率 (%)", "分值", "得分"};
            for (int i = 0; i < moneyTitles.length; i++) {
                cell(sheet, 2, 1 + i, moneyTitles[i], head);
            }
            Evaluation.Line execution = report.indicators().stream().filter(l -> "EXECUTION".equals(l.level1())).findFirst().orElse(null);
            cell(sheet, 3, 1, h.budgetAtStartWan(), money);
            cell(sheet, 3, 2, h.fullYearBudgetWan(), money);
            cell(sheet, 3, 3, h.executedWan(), money);
            cell(sheet, 3, 4, h.executionRatePercent(), number);
            cell(sheet, 3, 5, execution == null ? null : execution.points(), number);
            cell(sheet, 3, 6, execution == null ? null : execution.score(), number);
            cell(sheet, 4, 0, "总分", head);
            cell(sheet, 4, 1, report.totalPoints(), number);
            cell(sheet, 4, 2, report.totalScore(), number);
            for (int c = 0; c < COLUMNS.size(); c++) {
                cell(sheet, 5, c, COLUMNS.get(c), head);
            }
            int r = FIRST_INDICATOR_ROW;
            int groupStart = r;
            String group = null;
            for (Evaluation.Line l : report.indicators()) {
                if (group != null && !group.equals(l.level1Name()) && r - 1 > groupStart) {
                    sheet.addMergedRegion(new CellRangeAddress(groupStart, r - 1, 0, 0));
                }
                if (group == null || !group.equals(l.level1Name())) {
                    groupStart = r;
                    group = l.level1Name();
                }
                cell(sheet, r, 0, l.level1Name(), text);
                cell(sheet, r, 1, l.level2Name(), text);
                cell(sheet, r, 2, l.name() + " (" + l.unit() + ")", text);
                cell(sheet, r, 3, (l.comparison().equals("AT_MOST") ? "≤" : "≥") + l.target().toPlainString(), text);
                cell(sheet, r, 4, l.actual(), number);
                cell(sheet, r, 5, l.points(), number);
                cell(sheet, r, 6, l.score(), number);
                cell(sheet, r, 7, l.deviationExplanation(), text);
                cell(sheet, r, 8, l.status().name(), text);
                cell(sheet, r, 9, l.source(), text);
                r++;
            }
            if (group != null && r - 1 > groupStart) {
                sheet.addMergedRegion(new CellRangeAddress(groupStart, r - 1, 0, 0));
            }
            int[] widths = {14, 16, 44, 12, 12, 8, 8, 36, 10, 50};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(true);
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(5, 5, 0, last));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String csv(Evaluation.Report report) {
        StringBuilder out = new StringBuilder();
        Evaluation.Header h = report.header();
        out.append(csvLine("项目名称", h.program(), "年初预算数(万元)", plain(h.budgetAtStartWan()), "全年预算数(万元)", plain(h.fullYearBudgetWan()),
                "全年执行数(万元)", plain(h.executedWan()), "执行率(%)", plain(h.executionRatePercent())));
        out.append(csvLine("code", "一级指标", "二级指标", "三级指标", "单位", "比较", "年度指标值", "实际完成值", "分值", "得分", "状态",
                "偏差原因分析及改进措施", "数据来源"));
        for (Evaluation.Line l : report.indicators()) {
            out.append(csvLine(l.code(), l.level1Name(), l.level2Name(), l.name(), l.unit(), l.comparison(), plain(l.target()),
                    plain(l.actual()), plain(l.points()), plain(l.score()), l.status().name(), l.deviationExplanation(), l.source()));
        }
        out.append(csvLine("总分", "", "", "", "", "", "", "", plain(report.totalPoints()), plain(report.totalScore()), "", "", ""));
        return out.toString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String csvLine(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i] == null ? "" : fields[i];
            if (i > 0) {
                line.append(',');
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n")) {
                line.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                line.append(f);
            }
        }
        return line.append("\r\n").toString();
    }

    private static CellStyle style(XSSFWorkbook book, boolean bold, boolean border, int size) {
        CellStyle s = book.createCellStyle();
        Font f = book.createFont();
        f.setBold(bold);
        f.setFontHeightInPoints((short) size);
        s.setFont(f);
        s.setWrapText(true);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        if (bold) {
            s.setAlignment(HorizontalAlignment.CENTER);
        }
        if (border) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        return s;
    }

    private static void cell(Sheet sheet, int row, int column, Object value, CellStyle style) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell c = r.createCell(column);
        c.setCellStyle(style);
        if (value instanceof BigDecimal n) {
            c.setCellValue(n.doubleValue()); // a spreadsheet number; the exact figure is in the JSON and the CSV
        } else if (value != null) {
            c.setCellValue(value.toString());
        }
    }
}
