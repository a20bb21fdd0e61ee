using Handbook.Validator.Fixtures;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>Each record breaks exactly one check of a valid record and must get exactly that finding.</summary>
public class BrokenRecordTests
{
    private static Handbook.Validator.Findings.Finding Only(string formId, Action<Dictionary<string, string>> change, Func<byte[], byte[]>? edit = null)
    {
        var report = Validate(Record(formId, change, edit));
        Assert.False(report.Valid);
        return Assert.Single(report.Findings);
    }

    [Fact]
    public void A_missing_required_field_is_named_by_its_label()
    {
        var finding = Only("F03", v => v.Remove("host"));
        Assert.Equal(("required-missing", "host", "主持人", "必填项“主持人”未填写"), (finding.Code, finding.Field, finding.Label, finding.Message));
    }

    [Fact]
    public void A_control_copied_with_a_different_value_is_reported_not_read_one_way()
    {
        var finding = Only("F03", _ => { }, docx => RecordEdits.DuplicateControl(docx, "host", "另一个人"));
        Assert.Equal(("duplicate-control", "host", "主持人"), (finding.Code, finding.Field, finding.Label));
    }

    [Fact]
    public void A_control_copied_with_the_same_value_is_read_as_that_value()
    {
        var valid = Validate(Record("F03", v => v["host"] = "王建国", docx => RecordEdits.DuplicateControl(docx, "host", "王建国")));
        Assert.True(valid.Valid);
        Assert.Empty(valid.Findings);
    }

    [Fact]
    public void A_placeholder_still_showing_counts_as_empty()
    {
        // A control left alone shows its help text with showingPlcHdr.
        var finding = Only("F03", v => v.Remove("location"));
        Assert.Equal(("required-missing", "location"), (finding.Code, finding.Field));
    }

    [Fact]
    public void Help_text_left_in_a_control_that_lost_its_placeholder_flag_counts_as_empty()
    {
        var finding = Only("F03", v => v["location"] = "填写会议地点");
        Assert.Equal(("required-missing", "location"), (finding.Code, finding.Field));
    }

    [Theory]
    [InlineData("expected", "十二", "type-invalid")]
    [InlineData("expected", "12.5", "type-invalid")]
    [InlineData("expected", "60", "out-of-range")]
    [InlineData("host", "欧阳诸葛长孙上官司马懿", "too-long")]
    [InlineData("content", "学习了文件。", "too-short")]
    public void A_value_of_the_wrong_type_or_outside_its_limits_is_reported(string field, string value, string code)
    {
        var finding = Only("F03", v => v[field] = value);
        Assert.Equal((code, field), (finding.Code, finding.Field));
        if (field == "expected") Assert.Contains(value, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_typed_into_the_picker_that_is_no_date_is_reported()
    {
        var finding = Only("F03", _ => { }, r => RecordEdits.TypeInto(r, "meeting_date", "三月五日"));
        Assert.Equal(("type-invalid", "meeting_date"), (finding.Code, finding.Field));
    }

    [Theory]
    [InlineData("2025年3月10日")]
    [InlineData("2025-03-10")]
    [InlineData("2025.3.10")]
    [InlineData("2025/3/10")]
    [InlineData("２０２５年３月１０日")]
    public void Dates_written_in_common_forms_are_read(string written)
    {
        var report = Validate(Record("F03", edit: r => RecordEdits.TypeInto(r, "meeting_date", written + " ")));
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_text_not_matching_its_pattern_is_reported_with_the_help()
    {
        var form = Book.Forms.First(f => f.Fields.Any(x => x.Pattern is not null && x.Type == Model.FieldType.Text));
        var field = form.Fields.First(x => x.Pattern is not null);
        var finding = Only(form.Id, v => v[field.Id] = "abc");
        Assert.Equal(("pattern-mismatch", field.Id), (finding.Code, finding.Field));
    }

    [Fact]
    public void A_choice_outside_its_options_is_reported()
    {
        var finding = Only("F08", _ => { }, r => RecordEdits.TypeInto(r, "talk_type", "随便聊聊"));
        Assert.Equal(("option-invalid", "talk_type"), (finding.Code, finding.Field));
        Assert.Contains("提醒谈话", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_options_ticked_is_reported()
    {
        // F06 preparation: at least three.
        var finding = Only("F06", v => { v["preparation.2"] = "0"; v["preparation.3"] = "0"; });
        Assert.Equal(("count-out-of-range", "preparation"), (finding.Code, finding.Field));
    }

    [Fact]
    public void No_option_ticked_in_a_required_choices_field_is_missing()
    {
        var finding = Only("F05", v => { foreach (var k in v.Keys.Where(k => k.StartsWith("items.", StringComparison.Ordinal)).ToList()) v[k] = "0"; });
        Assert.Equal(("required-missing", "items"), (finding.Code, finding.Field));
    }

    [Fact]
    public void Too_few_table_rows_are_reported_ignoring_empty_rows()
    {
        var finding = Only("F03", v => { foreach (var k in v.Keys.Where(k => k.StartsWith("speeches.", StringComparison.Ordinal)).ToList()) v.Remove(k); });
        Assert.Equal(("too-few-rows", "speeches"), (finding.Code, finding.Field));
    }

    [Fact]
    public void A_missing_cell_in_a_filled_row_names_the_row_and_column()
    {
        var finding = Only("F03", v => v.Remove("speeches.2.speaker"));
        Assert.Equal(("required-missing", "speeches.2.speaker", "必填项“党员发言”第 2 行“发言人”未填写"), (finding.Code, finding.Field, finding.Message));
    }

    [Fact]
    public void A_failed_check_rule_gives_the_forms_own_message()
    {
        var finding = Only("F03", v => v["review_date"] = "2025-01-01");
        Assert.Equal(("rule-failed", "审阅日期不能早于会议日期"), (finding.Code, finding.Message));
    }

    [Fact]
    public void A_when_rule_requires_its_fields()
    {
        var finding = Only("F03", v => { v["expected"] = "5"; v.Remove("absent_reason"); });
        Assert.Equal(("rule-failed", "absent_reason", "有党员缺席时须写明缺席人员及原因"), (finding.Code, finding.Field, finding.Message));
    }

    [Fact]
    public void A_record_from_an_older_form_version_is_outdated()
    {
        var finding = Only("F03", _ => { }, r => RecordEdits.Claim(r, version: "2025.1"));
        Assert.Equal("outdated-form-version", finding.Code);
        Assert.Contains("2026.1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_properties_the_form_is_identified_from_the_visible_line()
    {
        var report = Validate(Record("F03", edit: RecordEdits.RemoveProperties));
        Assert.Empty(report.Findings);
        Assert.Equal(new FormRef("F03", "2026.1"), report.Form);
    }

    [Theory]
    [InlineData("表单编号: F03  版本: 2026.1")]
    [InlineData("表单编号：F03版本：2026.1")]
    [InlineData("表单编号：F03\u00A0版本：2026.1")]
    [InlineData("表单编号 ： Ｆ０３ 　 版本 ： ２０２６．１")]
    public void Without_properties_a_respaced_visible_line_still_identifies_the_form(string line)
    {
        var report = Validate(Record("F03", edit: r => RecordEdits.RewriteVisibleLine(RecordEdits.RemoveProperties(r), line)));
        Assert.Empty(report.Findings);
        Assert.Equal(new FormRef("F03", "2026.1"), report.Form);
    }

    [Fact]
    public void With_only_the_title_left_the_form_is_identified_and_its_version_is_unknown()
    {
        var report = Validate(Record("F03", edit: r => RecordEdits.RemoveVisibleLine(RecordEdits.RemoveProperties(r))));
        Assert.Equal(["form-version-unknown"], Codes(report));
        Assert.True(report.Valid);
        Assert.Equal("F03", report.Form?.Id);
    }

    [Fact]
    public void A_record_of_a_form_not_in_the_handbook_is_unknown()
    {
        var report = Validate(Record("F03", edit: r => RecordEdits.Claim(r, formId: "F99")));
        Assert.Equal(["unknown-form"], Codes(report));
        Assert.Contains("F99", report.Findings[0].Message, StringComparison.Ordinal);
    }
}
