using Handbook.Validator.Fixtures;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

public class ValidRecordTests
{
    public static TheoryData<string> FormIds() => [.. Book.Forms.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(FormIds))]
    public void A_carefully_filled_record_of_every_form_is_valid(string formId)
    {
        var report = Validate(Record(formId));
        Assert.Empty(Problems(report).Select(f => $"{f.Code} {f.Field}: {f.Message}"));
        Assert.Equal(new FormRef(formId, Form(formId).Version), report.Form);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Text_split_over_many_runs_reads_the_same(string formId)
    {
        var report = Validate(Record(formId, edit: RecordEdits.SplitRuns));
        Assert.Empty(Problems(report).Select(f => $"{f.Code} {f.Field}: {f.Message}"));
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void Without_tags_each_control_is_recovered_from_its_place_and_only_a_warning_is_given(string formId)
    {
        var report = Validate(Record(formId, edit: RecordEdits.DropTags));
        Assert.Equal(["tags-lost"], Codes(report));
        Assert.True(report.Valid);
    }

    [Theory]
    [MemberData(nameof(FormIds))]
    public void With_controls_flattened_to_text_values_are_read_from_label_cells(string formId)
    {
        var report = Validate(Record(formId, edit: RecordEdits.FlattenControls));
        Assert.Equal(["controls-lost"], Codes(report));
    }
}
