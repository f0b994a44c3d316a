package io.campaignkit.example; class Placeholder {}
