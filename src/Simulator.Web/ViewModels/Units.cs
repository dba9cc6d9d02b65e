using System.Globalization;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>Numbers as people read them on the dashboard.</summary>
public static class Units
{
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        int unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return bytes.ToString(unit == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    public static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:0.#} ms");

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
