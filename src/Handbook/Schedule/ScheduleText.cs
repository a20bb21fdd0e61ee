using Handbook.Model;

namespace Handbook.Schedule;

/// <summary>How timings read in Chinese: a schedule item's (何时做), e.g. “每年3、6、9、12月20日前”, and a form's period.</summary>
public static class ScheduleText
{
    private static readonly string[] Weekdays = ["", "一", "二", "三", "四", "五", "六", "日"];

    public static string Describe(ScheduleItem item) => (item.Every, item.Due) switch
    {
        (Recurrence.Day, _) => "每个工作日",
        (Recurrence.Week, { Day: 0 }) => "每周",
        (Recurrence.Week, var due) => $"每周{Weekdays[due.Day]}前",
        (Recurrence.Month, { Day: 0 }) => "每月月底前",
        (Recurrence.Month, var due) => $"每月{due.Day}日前",
        (Recurrence.Quarter, { Month: 0 }) => "每季度末前",
        (Recurrence.Quarter, var due) => $"每年{Months(due.Month, 3)}月{due.Day}日前",
        (Recurrence.HalfYear, { Month: 0 }) => "每年6月、12月底前",
        (Recurrence.HalfYear, var due) => $"每年{Months(due.Month, 6)}月{due.Day}日前",
        (Recurrence.Year, { Month: 0 }) => "每年年底前",
        (Recurrence.Year, var due) => $"每年{due.Month}月{due.Day}日前",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.Every, null),
    };

    /// <summary>How often a form is filled in (填写频次), e.g. “每季度一份”.</summary>
    public static string Describe(RecordPeriod period) => period switch
    {
        RecordPeriod.Day => "每日一份",
        RecordPeriod.Week => "每周一份",
        RecordPeriod.Month => "每月一份",
        RecordPeriod.Quarter => "每季度一份",
        RecordPeriod.HalfYear => "每半年一份",
        RecordPeriod.Year => "每年一份",
        RecordPeriod.Meeting => "每次会议一份",
        RecordPeriod.Event => "每次活动一份",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    /// <summary>Month M of each period of the given length, e.g. “3、6、9、12”.</summary>
    private static string Months(int month, int length) =>
        string.Join("、", Enumerable.Range(0, 12 / length).Select(i => i * length + month));
}
