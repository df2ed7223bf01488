// ShopAdsBot in Azure: one resource group holding the web app that runs the bot, the bot's identity (a user-assigned
// managed identity, so no password exists anywhere), the Azure Bot registration with its Teams and Direct Line channels,
// the blob container for conversation state, and Application Insights with the Insights workbook.
// Deploy: az deployment group create -g <group> -f main.bicep -p @main.parameters.json (see docs/deploy.md).

@description('Short lowercase name used to derive every resource name (letters and digits, 3 to 11 characters).')
@minLength(3)
@maxLength(11)
param baseName string = 'shopadsbot'

@description('Region of the web app, storage and monitoring resources. The bot registration itself is global.')
param location string = resourceGroup().location

@description('App Service plan size. Always On needs Basic (B1) or higher.')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier: F0 (free, limited premium-channel messages) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name shown for the bot in Teams and the Azure portal.')
param botDisplayName string = 'ShopAdsBot'

@description('Key for the /insights page and API (Insights:AdminKey). Empty: /insights answers 404; the workbook in Application Insights is the dashboard.')
@secure()
param insightsAdminKey string = ''

@description('Where the app keeps Insights events: Sqlite (a file on the app\'s persistent /home share, read by /insights; for one instance) or None (only Application Insights; choose it before scaling out, since instances must not share one SQLite file).')
@allowed([
  'Sqlite'
  'None'
])
param insightsKind string = 'Sqlite'

@description('Direct Line secret the web app exchanges for Web Chat tokens. Empty on the first deployment: read it afterwards with az bot directline show --with-secrets and pass it here (or set DirectLine__Secret) on every later deployment, because this template rewrites all app settings.')
@secure()
param directLineSecret string = ''

@description('Name of the blob container that holds conversation and user state.')
param stateContainerName string = 'bot-state'

// Globally unique names: the web app becomes https://<siteName>.azurewebsites.net.
var suffix = uniqueString(resourceGroup().id, baseName)
var siteName = '${baseName}-${suffix}'
var storageName = take('${baseName}${suffix}', 24)
var directLineEndpoint = 'https://directline.botframework.com/v3/directline'
// Built-in role "Storage Blob Data Contributor": read and write blobs without account keys.
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-identity'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// The Insights dashboard over every instance's custom events (docs/insights.md): the same charts as the app's /insights
// page, as KQL in workbook.json, shown under the Application Insights resource (Workbooks).
resource insightsWorkbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(appInsights.id, 'shopadsbot-insights-workbook')
  location: location
  kind: 'shared'
  properties: {
    displayName: 'ShopAdsBot Insights'
    category: 'workbook'
    sourceId: appInsights.id
    serializedData: loadTextContent('workbook.json')
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // The bot reaches its state with the managed identity only: no account keys, no anonymous blobs.
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource stateAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, botIdentity.id, storageBlobDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: botIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${botIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        // The bot authenticates to the Bot Framework as the managed identity: no password.
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: botIdentity.properties.clientId }
        { name: 'MicrosoftAppPassword', value: '' }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        // Lets the Azure SDK credential (blob state) pick the same identity.
        { name: 'AZURE_CLIENT_ID', value: botIdentity.properties.clientId }
        { name: 'Storage__Kind', value: 'Blobs' }
        { name: 'Storage__BlobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'Storage__Container', value: stateContainer.name }
        { name: 'DirectLine__Secret', value: directLineSecret }
        { name: 'DirectLine__Endpoint', value: directLineEndpoint }
        { name: 'DirectLine__EnableLocal', value: 'false' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        // /home survives restarts and deployments (wwwroot is replaced by each deployment).
        { name: 'Insights__Kind', value: insightsKind }
        { name: 'Insights__SqlitePath', value: '/home/data/insights.db' }
        { name: 'Insights__AdminKey', value: insightsAdminKey }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${baseName}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: botIdentity.properties.clientId
    msaAppMSIResourceId: botIdentity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Web Chat page'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

@description('Public address of the web app; the Web Chat page is served at its root.')
output webAppUrl string = 'https://${site.properties.defaultHostName}'

@description('Web app name, for az webapp deploy and az webapp config appsettings set.')
output webAppName string = site.name

@description('Host name to pass to the Teams packaging script (--host).')
output webAppHostName string = site.properties.defaultHostName

@description('Azure Bot resource name, for az bot directline show.')
output botName string = bot.name

@description('Microsoft App ID of the bot (the managed identity client id): the Teams app and bot id of the Teams package.')
output botAppId string = botIdentity.properties.clientId
