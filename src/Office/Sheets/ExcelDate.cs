namespace Handbook.Office.Sheets;

/// <summary>Excel's date serial numbers (days since 1899-12-30, for every date after February 1900).</summary>
public static class ExcelDate
{
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    public static int Serial(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    public static DateOnly FromSerial(double serial) => Epoch.AddDays((int)serial);
}
