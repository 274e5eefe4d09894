namespace SemLib.Data;

/// <summary>How rows with missing values are handled.</summary>
public enum MissingPolicy
{
    /// <summary>Drop every row with a missing value on a model variable (lavaan's default); the number dropped is reported.</summary>
    Listwise,
}
