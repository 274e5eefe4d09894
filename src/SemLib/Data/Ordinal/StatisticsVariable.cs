namespace SemLib.Data.Ordinal;

/// <summary>
/// One variable of one group handed to <see cref="OrdinalMoments"/>: an ordered one as category indices 0..K−1 (K over
/// all groups; −1 = missing), or a continuous one as values (NaN = missing).
/// </summary>
internal sealed class StatisticsVariable
{
    private StatisticsVariable(string name, int[]? codes, double[] categories, double[]? values)
    {
        Name = name;
        Codes = codes;
        Categories = categories;
        Values = values;
    }

    /// <summary>The variable's name.</summary>
    public string Name { get; }

    /// <summary>Category indices per row (ordered), else null.</summary>
    public int[]? Codes { get; }

    /// <summary>The category values (ordered; K of them), else empty.</summary>
    public double[] Categories { get; }

    /// <summary>Values per row (continuous), else null.</summary>
    public double[]? Values { get; }

    /// <summary>True for an ordered variable.</summary>
    public bool IsOrdered => Codes is not null;

    /// <summary>Whether row <paramref name="row"/> has a value.</summary>
    public bool IsObserved(int row) => Codes is { } c ? c[row] >= 0 : !double.IsNaN(Values![row]);

    /// <summary>Number of rows.</summary>
    public int RowCount => Codes?.Length ?? Values!.Length;

    /// <summary>An ordered variable: category indices (0..K−1) per row and the K category values.</summary>
    public static StatisticsVariable Ordered(string name, int[] codes, double[] categories) => new(name, codes, categories, null);

    /// <summary>A continuous variable.</summary>
    public static StatisticsVariable Continuous(string name, double[] values) => new(name, null, [], values);
}
