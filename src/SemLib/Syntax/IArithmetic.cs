namespace SemLib.Syntax;

/// <summary>The arithmetic an expression needs, so the same tree evaluates on numbers and on dual numbers.</summary>
internal interface IArithmetic<T> where T : IArithmetic<T>
{
    static abstract T Add(T a, T b);
    static abstract T Subtract(T a, T b);
    static abstract T Multiply(T a, T b);
    static abstract T Divide(T a, T b);
    static abstract T Power(T a, T b);
    static abstract T Negate(T a);
    static abstract T Call(string function, T[] args);
}
