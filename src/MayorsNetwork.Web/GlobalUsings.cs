// Namespaces used by most files of this project, imported once here instead of in each file.
global using System.Globalization;
global using FluentValidation;
global using MayorsNetwork.Domain.Committees;
global using MayorsNetwork.Domain.Members;
global using MayorsNetwork.Infrastructure.Data;
global using MayorsNetwork.Infrastructure.Identity;
global using MayorsNetwork.Web.Infrastructure;
global using MayorsNetwork.Web.Pages.Shared;
global using MayorsNetwork.Web.Services;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
