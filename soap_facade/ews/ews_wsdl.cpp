#include "soap_facade/ews/ews_wsdl.h"

#include "soap_facade/wsdl/wsdl_address.h"

namespace oofgate::soap::ews {
namespace {

// Written for oofgate after the structure of Exchange's Services.wsdl, Messages.xsd and
// Types.xsd (element names, order and types as MS-OXWOOF gives them), reduced to the OOF
// operations. One literal, so the served document is what is reviewed here.
constexpr std::string_view kWsdl = R"WSDL(<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" targetNamespace="http://schemas.microsoft.com/exchange/services/2006/messages">
  <wsdl:documentation>oofgate: Exchange Web Services automatic replies (MS-OXWOOF GetUserOofSettings and SetUserOofSettings).</wsdl:documentation>
  <wsdl:types>
    <xs:schema elementFormDefault="qualified" targetNamespace="http://schemas.microsoft.com/exchange/services/2006/types">
      <xs:simpleType name="ExchangeVersionType"><xs:restriction base="xs:string"/></xs:simpleType>
      <xs:element name="RequestServerVersion"><xs:complexType><xs:attribute name="Version" type="t:ExchangeVersionType" use="required"/></xs:complexType></xs:element>
      <xs:element name="ServerVersionInfo"><xs:complexType><xs:attribute name="MajorVersion" type="xs:int"/><xs:attribute name="MinorVersion" type="xs:int"/><xs:attribute name="MajorBuildNumber" type="xs:int"/><xs:attribute name="MinorBuildNumber" type="xs:int"/><xs:attribute name="Version" type="xs:string"/></xs:complexType></xs:element>
      <xs:complexType name="EmailAddress"><xs:sequence><xs:element minOccurs="0" name="Name" type="xs:string"/><xs:element name="Address" type="xs:string"/><xs:element minOccurs="0" name="RoutingType" type="xs:string"/></xs:sequence></xs:complexType>
      <xs:simpleType name="OofState"><xs:restriction base="xs:string"><xs:enumeration value="Enabled"/><xs:enumeration value="Disabled"/><xs:enumeration value="Scheduled"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="ExternalAudience"><xs:restriction base="xs:string"><xs:enumeration value="None"/><xs:enumeration value="Known"/><xs:enumeration value="All"/></xs:restriction></xs:simpleType>
      <xs:complexType name="Duration"><xs:sequence><xs:element name="StartTime" type="xs:dateTime"/><xs:element name="EndTime" type="xs:dateTime"/></xs:sequence></xs:complexType>
      <xs:complexType name="ReplyBody"><xs:sequence><xs:element minOccurs="0" name="Message" type="xs:string"/></xs:sequence></xs:complexType>
      <xs:complexType name="UserOofSettings"><xs:sequence><xs:element name="OofState" type="t:OofState"/><xs:element name="ExternalAudience" type="t:ExternalAudience"/><xs:element minOccurs="0" name="Duration" type="t:Duration"/><xs:element minOccurs="0" name="InternalReply" type="t:ReplyBody"/><xs:element minOccurs="0" name="ExternalReply" type="t:ReplyBody"/></xs:sequence></xs:complexType>
      <xs:element name="OofSettings" type="t:UserOofSettings"/>
      <xs:element name="UserOofSettings" type="t:UserOofSettings"/>
      <xs:element name="Mailbox" type="t:EmailAddress"/>
    </xs:schema>
    <xs:schema elementFormDefault="qualified" targetNamespace="http://schemas.microsoft.com/exchange/services/2006/messages">
      <xs:import namespace="http://schemas.microsoft.com/exchange/services/2006/types"/>
      <xs:simpleType name="ResponseClassType"><xs:restriction base="xs:string"><xs:enumeration value="Success"/><xs:enumeration value="Warning"/><xs:enumeration value="Error"/></xs:restriction></xs:simpleType>
      <xs:complexType name="ResponseMessageType"><xs:sequence><xs:element minOccurs="0" name="MessageText" type="xs:string"/><xs:element minOccurs="0" name="ResponseCode" type="xs:string"/><xs:element minOccurs="0" name="DescriptiveLinkKey" type="xs:int"/></xs:sequence><xs:attribute name="ResponseClass" type="tns:ResponseClassType" use="required"/></xs:complexType>
      <xs:element name="GetUserOofSettingsRequest"><xs:complexType><xs:sequence><xs:element ref="t:Mailbox"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="GetUserOofSettingsResponse"><xs:complexType><xs:sequence><xs:element name="ResponseMessage" type="tns:ResponseMessageType"/><xs:element minOccurs="0" ref="t:OofSettings"/><xs:element minOccurs="0" name="AllowExternalOof" type="t:ExternalAudience"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="SetUserOofSettingsRequest"><xs:complexType><xs:sequence><xs:element ref="t:Mailbox"/><xs:element ref="t:UserOofSettings"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="SetUserOofSettingsResponse"><xs:complexType><xs:sequence><xs:element minOccurs="0" name="ResponseMessage" type="tns:ResponseMessageType"/></xs:sequence></xs:complexType></xs:element>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="RequestServerVersion"><wsdl:part name="RequestVersion" element="t:RequestServerVersion"/></wsdl:message>
  <wsdl:message name="ServerVersionInfo"><wsdl:part name="ServerVersion" element="t:ServerVersionInfo"/></wsdl:message>
  <wsdl:message name="GetUserOofSettingsSoapIn"><wsdl:part name="parameters" element="tns:GetUserOofSettingsRequest"/></wsdl:message>
  <wsdl:message name="GetUserOofSettingsSoapOut"><wsdl:part name="parameters" element="tns:GetUserOofSettingsResponse"/></wsdl:message>
  <wsdl:message name="SetUserOofSettingsSoapIn"><wsdl:part name="parameters" element="tns:SetUserOofSettingsRequest"/></wsdl:message>
  <wsdl:message name="SetUserOofSettingsSoapOut"><wsdl:part name="parameters" element="tns:SetUserOofSettingsResponse"/></wsdl:message>
  <wsdl:portType name="ExchangeServicePortType">
    <wsdl:operation name="GetUserOofSettings"><wsdl:input message="tns:GetUserOofSettingsSoapIn"/><wsdl:output message="tns:GetUserOofSettingsSoapOut"/></wsdl:operation>
    <wsdl:operation name="SetUserOofSettings"><wsdl:input message="tns:SetUserOofSettingsSoapIn"/><wsdl:output message="tns:SetUserOofSettingsSoapOut"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="ExchangeServiceBinding" type="tns:ExchangeServicePortType">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <wsdl:operation name="GetUserOofSettings"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/GetUserOofSettings" style="document"/><wsdl:input><soap:header message="tns:RequestServerVersion" part="RequestVersion" use="literal"/><soap:body use="literal" parts="parameters"/></wsdl:input><wsdl:output><soap:header message="tns:ServerVersionInfo" part="ServerVersion" use="literal"/><soap:body use="literal" parts="parameters"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="SetUserOofSettings"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetUserOofSettings" style="document"/><wsdl:input><soap:header message="tns:RequestServerVersion" part="RequestVersion" use="literal"/><soap:body use="literal" parts="parameters"/></wsdl:input><wsdl:output><soap:header message="tns:ServerVersionInfo" part="ServerVersion" use="literal"/><soap:body use="literal" parts="parameters"/></wsdl:output></wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="ExchangeServices">
    <wsdl:port name="ExchangeServicePort" binding="tns:ExchangeServiceBinding"><soap:address location="@ADDRESS@"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
)WSDL";

}  // namespace

std::string ews_service_wsdl(std::string_view service_url) { return with_address(kWsdl, service_url); }

}  // namespace oofgate::soap::ews
