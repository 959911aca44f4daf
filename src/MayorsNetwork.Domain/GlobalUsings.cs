// Namespaces used by most files of this project, imported once here instead of in each file.
global using System.Globalization;
